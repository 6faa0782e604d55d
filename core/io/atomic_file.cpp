#include "atomic_file.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <variant>

namespace tdl {

namespace {

std::string folderOf(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string nameOf(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Where the bytes of a path go.
struct Replace {
    std::string path;                  // a regular file, or a name not taken yet, links resolved
    std::optional<struct stat> status; // the existing file's, to keep its mode and owner
};
struct WriteDirectly {};
struct Unreachable {
    std::string what;
    int error;
};
using Destination = std::variant<Replace, WriteDirectly, Unreachable>;

// Follows symbolic links one at a time (a dangling link names the file to create), as open()
// would. A link into /proc (/dev/stdout, /dev/fd/1, /proc/self/fd/1) names an open descriptor,
// not a file: its target may be a pipe or a deleted file, so it is written directly.
Destination destinationOf(const std::string& path) {
    // The kernel's own bound on links followed in one lookup (MAXSYMLINKS, fs/namei.c).
    constexpr int kMaxLinks = 40;
    std::string current = path;
    for (int link = 0; link <= kMaxLinks; ++link) {
        char folder[PATH_MAX];
        if (::realpath(folderOf(current).c_str(), folder) == nullptr) {
            return Unreachable{"cannot create a file in " + folderOf(current), errno};
        }
        const std::string folderPath = folder;
        if (folderPath == "/proc" || folderPath.starts_with("/proc/")) {
            return WriteDirectly{};
        }
        const std::string candidate = (folderPath == "/" ? "" : folderPath) + '/' + nameOf(current);
        struct stat status {};
        if (::lstat(candidate.c_str(), &status) != 0) {
            if (errno == ENOENT) {
                return Replace{candidate, std::nullopt};
            }
            return Unreachable{"cannot look at " + candidate, errno};
        }
        if (S_ISREG(status.st_mode)) {
            return Replace{candidate, status};
        }
        if (!S_ISLNK(status.st_mode)) {
            return WriteDirectly{};
        }
        char target[PATH_MAX];
        const ssize_t length = ::readlink(candidate.c_str(), target, sizeof target - 1);
        if (length < 0) {
            return Unreachable{"cannot read the link " + candidate, errno};
        }
        const std::string linked(target, static_cast<std::size_t>(length));
        current = linked.starts_with('/') ? linked : folderPath + '/' + linked;
    }
    return Unreachable{"cannot follow the links", ELOOP};
}

} // namespace

AtomicFile::~AtomicFile() {
    discard();
}

std::string AtomicFile::errorText(const std::string& what, int error) const {
    return targetPath_ + ": " + what + ": " + std::strerror(error);
}

void AtomicFile::discard() {
    if (descriptor_ >= 0) {
        ::close(descriptor_);
        descriptor_ = -1;
    }
    if (!temporaryPath_.empty()) {
        ::unlink(temporaryPath_.c_str());
        temporaryPath_.clear();
    }
}

std::optional<std::string> AtomicFile::open(const std::string& path) {
    discard();
    targetPath_ = path;
    replacedPath_.clear();
    const Destination destination = destinationOf(path);
    if (const auto* unreachable = std::get_if<Unreachable>(&destination)) {
        return errorText(unreachable->what, unreachable->error);
    }
    if (std::holds_alternative<WriteDirectly>(destination)) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            return errorText("cannot open for writing", errno);
        }
        descriptor_ = fd;
        return std::nullopt;
    }
    const Replace& replace = std::get<Replace>(destination);
    if (auto error = openTemporary(replace.path)) {
        return error;
    }
    if (replace.status) {
        // The new file takes the old one's place, so it takes its permissions too: a 0600 file
        // must not come back readable by all. The owner can only be given by root; for anyone
        // else the file is theirs, as any file they create.
        if (::geteuid() == 0) {
            ::fchown(descriptor_, replace.status->st_uid, replace.status->st_gid);
        }
        if (::fchmod(descriptor_, replace.status->st_mode & 07777) != 0) {
            const int error = errno;
            discard();
            return errorText("cannot keep the file's permissions", error);
        }
    }
    replacedPath_ = replace.path;
    return std::nullopt;
}

std::optional<std::string> AtomicFile::openTemporary(const std::string& target) {
    // Unique within this process by the counter and across processes by the pid; O_EXCL makes
    // a collision with a stale file from a crashed run a retry rather than an overwrite.
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string candidate = target + ".tmp-" + std::to_string(::getpid()) + '-' +
                                      std::to_string(counter.fetch_add(1));
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            descriptor_ = fd;
            temporaryPath_ = candidate;
            return std::nullopt;
        }
        if (errno != EEXIST) {
            return errorText("cannot create a file in " + folderOf(target), errno);
        }
    }
    return errorText("cannot create a temporary file in " + folderOf(target), EEXIST);
}

std::optional<std::string> AtomicFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(descriptor_, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            discard();
            return errorText("cannot write", error);
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return std::nullopt;
}

std::optional<std::string> AtomicFile::commit() {
    if (replacedPath_.empty()) {
        const int fd = descriptor_;
        descriptor_ = -1;
        if (::close(fd) != 0) {
            return errorText("cannot write", errno);
        }
        return std::nullopt;
    }
    if (::fsync(descriptor_) != 0) {
        const int error = errno;
        discard();
        return errorText("cannot flush to disk", error);
    }
    const int fd = descriptor_;
    descriptor_ = -1;
    if (::close(fd) != 0) {
        const int error = errno;
        discard();
        return errorText("cannot write", error);
    }
    if (::rename(temporaryPath_.c_str(), replacedPath_.c_str()) != 0) {
        const int error = errno;
        discard();
        return errorText("cannot replace the file", error);
    }
    temporaryPath_.clear();
    const int folder = ::open(folderOf(replacedPath_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        // Best effort: some file systems refuse fsync on a folder, and the data is already safe.
        ::fsync(folder);
        ::close(folder);
    }
    return std::nullopt;
}

std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view contents) {
    AtomicFile file;
    if (auto error = file.open(path)) {
        return error;
    }
    if (auto error = file.write(contents)) {
        return error;
    }
    return file.commit();
}

} // namespace tdl
