#include "atomic_file.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

namespace tdl {
namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct stat statusOf(const std::filesystem::path& path) {
    struct stat status {};
    EXPECT_EQ(::lstat(path.c_str(), &status), 0) << path;
    return status;
}

class AtomicFileInFolder : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() /
                  ("tdl-io-atomic-" + std::to_string(::getpid()) + '-' +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(folder_),
                                                      std::filesystem::directory_iterator()));
    }

    std::filesystem::path folder_;
};

TEST_F(AtomicFileInFolder, RegularFile_IsReplacedWhole) {
    const std::filesystem::path path = folder_ / "out.txt";
    std::ofstream(path) << "old contents that are longer";
    ASSERT_EQ(writeFileAtomically(path, "new"), std::nullopt);
    EXPECT_EQ(readFile(path), "new");
    EXPECT_EQ(entries(), 1U) << "a temporary file was left behind";
}

TEST_F(AtomicFileInFolder, PrivateFile_KeepsItsMode) {
    const std::filesystem::path path = folder_ / "private.txt";
    std::ofstream(path) << "secret";
    ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
    ASSERT_EQ(writeFileAtomically(path, "still secret"), std::nullopt);
    EXPECT_EQ(readFile(path), "still secret");
    EXPECT_EQ(statusOf(path).st_mode & 07777, 0600U);
}

TEST_F(AtomicFileInFolder, Symlink_StaysALinkAndItsTargetIsWritten) {
    const std::filesystem::path target = folder_ / "target.txt";
    const std::filesystem::path link = folder_ / "link.txt";
    std::ofstream(target) << "old";
    std::filesystem::create_symlink("target.txt", link);
    ASSERT_EQ(writeFileAtomically(link, "new"), std::nullopt);
    EXPECT_TRUE(S_ISLNK(statusOf(link).st_mode));
    EXPECT_EQ(std::filesystem::read_symlink(link), "target.txt");
    EXPECT_EQ(readFile(target), "new");
    EXPECT_EQ(entries(), 2U) << "a temporary file was left behind";
}

TEST_F(AtomicFileInFolder, DanglingSymlink_CreatesItsTarget) {
    std::filesystem::create_directories(folder_ / "sub");
    const std::filesystem::path link = folder_ / "link.txt";
    std::filesystem::create_symlink("sub/new.txt", link);
    ASSERT_EQ(writeFileAtomically(link, "created"), std::nullopt);
    EXPECT_TRUE(S_ISLNK(statusOf(link).st_mode));
    EXPECT_EQ(readFile(folder_ / "sub" / "new.txt"), "created");
}

TEST_F(AtomicFileInFolder, Fifo_IsWrittenIntoNotReplaced) {
    const std::filesystem::path fifo = folder_ / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string received;
    std::thread reader([&] { received = readFile(fifo); });
    const std::optional<std::string> error = writeFileAtomically(fifo, "through the pipe");
    reader.join();
    EXPECT_EQ(error, std::nullopt);
    EXPECT_EQ(received, "through the pipe");
    EXPECT_TRUE(S_ISFIFO(statusOf(fifo).st_mode));
}

// Devices with /dev/null's and /dev/full's numbers are made in the test's folder when the test may
// (as root), so that a regression replaces a node of the test's own and not the machine's. Anyone
// else cannot replace the real ones, so they are safe to use instead.
TEST_F(AtomicFileInFolder, DeviceNode_StaysADevice) {
    std::filesystem::path device = folder_ / "null";
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
        device = "/dev/null";
    }
    ASSERT_EQ(writeFileAtomically(device, "discarded"), std::nullopt);
    const struct stat status = statusOf(device);
    EXPECT_TRUE(S_ISCHR(status.st_mode));
    EXPECT_EQ(status.st_rdev, makedev(1, 3));
}

TEST_F(AtomicFileInFolder, FullDevice_SaysWhyTheWriteFailed) {
    std::string device = (folder_ / "full").string();
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
        device = "/dev/full";
    }
    EXPECT_EQ(writeFileAtomically(device, "x"), device + ": cannot write: No space left on device");
    EXPECT_TRUE(S_ISCHR(statusOf(device).st_mode));
}

TEST(AtomicFile, StandardOutputAsAPath_IsWrittenDirectly) {
    // Standard output made a pipe: /dev/stdout then resolves to "pipe:[…]", which no rename could
    // replace.
    int pipeEnds[2];
    ASSERT_EQ(::pipe(pipeEnds), 0);
    const int savedOut = ::dup(STDOUT_FILENO);
    ASSERT_GE(::dup2(pipeEnds[1], STDOUT_FILENO), 0);
    const std::optional<std::string> error = writeFileAtomically("/dev/stdout", "to stdout");
    ::dup2(savedOut, STDOUT_FILENO);
    ::close(savedOut);
    ::close(pipeEnds[1]);
    char buffer[64] = {};
    const ssize_t read = ::read(pipeEnds[0], buffer, sizeof buffer);
    ::close(pipeEnds[0]);
    EXPECT_EQ(error, std::nullopt);
    EXPECT_EQ(std::string(buffer, read > 0 ? static_cast<std::size_t>(read) : 0U), "to stdout");
}

TEST_F(AtomicFileInFolder, Folder_IsRefusedNamingIt) {
    const std::string path = folder_.string();
    EXPECT_EQ(writeFileAtomically(path, "x"), path + ": cannot open for writing: Is a directory");
}

} // namespace
} // namespace tdl
