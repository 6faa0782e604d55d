#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tdl {

// A file that readers see either as it was or as it is written in full, never half: the bytes go
// to a temporary file in the same folder, which is flushed to disk and then renamed over the
// target. If commit() is never reached the temporary file is removed.
class AtomicFile {
public:
    AtomicFile() = default;
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Creates the temporary file next to `path`. Returns an error message naming the file.
    std::optional<std::string> open(const std::string& path);
    // The temporary file's descriptor, for writers that need their own FILE* (dup it first).
    int descriptor() const { return descriptor_; }
    std::optional<std::string> write(std::string_view bytes);
    // fsync, close, rename over the target, then fsync the folder so the rename itself survives a
    // crash.
    std::optional<std::string> commit();

private:
    std::string errorText(const std::string& what, int error) const;
    void discard();

    std::string targetPath_;
    std::string temporaryPath_;
    int descriptor_ = -1;
};

// The whole of `contents` as `path`, atomically.
std::optional<std::string> writeFileAtomically(const std::string& path, std::string_view contents);

} // namespace tdl
