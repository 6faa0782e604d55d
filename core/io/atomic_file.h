#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tdl {

// A file that readers see either as it was or as it is written in full, never half: the bytes go
// to a temporary file in the same folder, which is flushed to disk and then renamed over the
// target. If commit() is never reached the temporary file is removed.
//
// Only a regular file (or a name not taken yet) is replaced that way. A symbolic link is followed
// and its target replaced, so the link stays a link; an existing file keeps its permissions (and,
// when the process may, its owner). Anything else (a device such as /dev/null, a FIFO, a socket,
// or standard output as /dev/stdout or /proc/self/fd/1) is opened and written directly, as a
// shell's `>` would: renaming over it would put a regular file in its place.
class AtomicFile {
public:
    AtomicFile() = default;
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Creates the temporary file next to `path` (or its link's target), or opens `path` itself if
    // it is not a regular file. Returns an error message naming the file.
    std::optional<std::string> open(const std::string& path);
    // The descriptor written to, for writers that need their own FILE* (dup it first).
    int descriptor() const { return descriptor_; }
    std::optional<std::string> write(std::string_view bytes);
    // For a replaced file: fsync, close, rename over the target, then fsync the folder so the
    // rename itself survives a crash. For a file written directly: close.
    std::optional<std::string> commit();

private:
    std::string errorText(const std::string& what, int error) const;
    void discard();
    std::optional<std::string> openTemporary(const std::string& target);

    std::string targetPath_;   // as the caller named it, for messages
    std::string replacedPath_; // the regular file the rename replaces ("" when writing directly)
    std::string temporaryPath_;
    int descriptor_ = -1;
};

// The whole of `contents` as `path`, atomically where `path` is a regular file (see AtomicFile).
std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view contents);

} // namespace tdl
