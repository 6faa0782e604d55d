#include "atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tdl {

namespace {

std::string folderOf(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
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
    // Unique within this process by the counter and across processes by the pid; O_EXCL makes
    // a collision with a stale file from a crashed run a retry rather than an overwrite.
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string candidate = path + ".tmp-" + std::to_string(::getpid()) + '-' +
                                      std::to_string(counter.fetch_add(1));
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            descriptor_ = fd;
            temporaryPath_ = candidate;
            return std::nullopt;
        }
        if (errno != EEXIST) {
            return errorText("cannot create a file in " + folderOf(path), errno);
        }
    }
    return errorText("cannot create a temporary file in " + folderOf(path), EEXIST);
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
    if (::rename(temporaryPath_.c_str(), targetPath_.c_str()) != 0) {
        const int error = errno;
        discard();
        return errorText("cannot replace the file", error);
    }
    temporaryPath_.clear();
    const int folder = ::open(folderOf(targetPath_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
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
