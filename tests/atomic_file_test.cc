// Atomic output files: a temporary in the destination folder, renamed on
// Commit(); nothing is left behind when a file is not committed.
#include "cleaner/cli/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/scratch_dir.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public testing_support::ScratchDirTest {
 protected:
  // Every entry below dir_, dot files included.
  std::vector<std::string> Entries() const {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      out.push_back(e.path().lexically_relative(dir_).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

TEST_F(AtomicFileTest, WriteFileAtomicallyWritesAndLeavesNoTemporary) {
  const fs::path out = dir_ / "a.txt";
  EXPECT_EQ(WriteFileAtomically(out, "hello\n"), "");
  EXPECT_EQ(Read(out), "hello\n");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"a.txt"}));
}

TEST_F(AtomicFileTest, CreatesParentFolders) {
  const fs::path out = dir_ / "x" / "y" / "z.json";
  EXPECT_EQ(WriteFileAtomically(out, "{}"), "");
  EXPECT_EQ(Read(out), "{}");
}

TEST_F(AtomicFileTest, ReplacesAnExistingFile) {
  const fs::path out = dir_ / "a.txt";
  ASSERT_EQ(WriteFileAtomically(out, "old old old old"), "");
  ASSERT_EQ(WriteFileAtomically(out, "new"), "");
  EXPECT_EQ(Read(out), "new");
}

// st_ino of a path (0 if it cannot be read).
ino_t Inode(const fs::path& p) {
  struct stat st {};
  return stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

TEST_F(AtomicFileTest, SameContentIsLeftInPlaceAndTouched) {
  const fs::path out = dir_ / "a.txt";
  const std::string big(200000, 'x');  // more than one read buffer
  ASSERT_EQ(WriteFileAtomically(out, big), "");
  const ino_t before = Inode(out);
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(out, old_time);
  ASSERT_EQ(WriteFileAtomically(out, big), "");
  EXPECT_EQ(Inode(out), before);                  // not replaced
  EXPECT_GT(fs::last_write_time(out), old_time);  // but touched: make sees it as new
  EXPECT_EQ(Read(out), big);
  EXPECT_EQ(Entries(), (std::vector<std::string>{"a.txt"}));
}

TEST_F(AtomicFileTest, SameSizeOtherContentIsReplaced) {
  const fs::path out = dir_ / "a.txt";
  std::string text(100000, 'x');
  ASSERT_EQ(WriteFileAtomically(out, text), "");
  text[99999] = 'y';  // differs in the last byte only
  ASSERT_EQ(WriteFileAtomically(out, text), "");
  EXPECT_EQ(Read(out), text);
}

TEST_F(AtomicFileTest, SymlinkWithSameContentIsReplacedByAFile) {
  const fs::path target = dir_ / "target.txt";
  const fs::path out = dir_ / "link.txt";
  ASSERT_EQ(WriteFileAtomically(target, "same"), "");
  fs::create_symlink(target, out);
  ASSERT_EQ(WriteFileAtomically(out, "same"), "");
  EXPECT_FALSE(fs::is_symlink(out));  // as any other write: the link is replaced
  EXPECT_EQ(Read(out), "same");
}

TEST_F(AtomicFileTest, NamedPipeIsReplacedWithoutWaitingForAWriter) {
  const fs::path out = dir_ / "pipe.txt";
  ASSERT_EQ(mkfifo(out.c_str(), 0644), 0);
  ASSERT_EQ(WriteFileAtomically(out, ""), "");  // would block if opened for reading
  EXPECT_TRUE(fs::is_regular_file(out));
}

TEST_F(AtomicFileTest, SameContentOtherModeIsRewrittenAs0644) {
  const fs::path out = dir_ / "a.txt";
  ASSERT_EQ(WriteFileAtomically(out, "same"), "");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(WriteFileAtomically(out, "same"), "");
  EXPECT_EQ(fs::status(out).permissions(), fs::perms::owner_read | fs::perms::owner_write |
                                               fs::perms::group_read | fs::perms::others_read);
}

TEST_F(AtomicFileTest, SameContentHardLinkIsRewrittenNotTouchedThroughTheLink) {
  const fs::path out = dir_ / "a.txt";
  const fs::path other = dir_ / "snapshot.txt";
  ASSERT_EQ(WriteFileAtomically(out, "same"), "");
  fs::create_hard_link(out, other);
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(other, old_time);
  ASSERT_EQ(WriteFileAtomically(out, "same"), "");
  EXPECT_EQ(fs::last_write_time(other), old_time);  // the snapshot is left alone
  EXPECT_NE(Inode(out), Inode(other));
}

TEST_F(AtomicFileTest, EmptyData) {
  const fs::path out = dir_ / "empty.txt";
  EXPECT_EQ(WriteFileAtomically(out, ""), "");
  EXPECT_TRUE(fs::exists(out));
  EXPECT_EQ(fs::file_size(out), 0u);
}

TEST_F(AtomicFileTest, PiecesAppearOnlyOnCommit) {
  const fs::path out = dir_ / "stream.jsonl";
  AtomicFile f;
  ASSERT_EQ(f.Open(out), "");
  EXPECT_TRUE(f.is_open());
  EXPECT_EQ(f.Append("{\"a\":1}\n"), "");
  EXPECT_EQ(f.Append("{\"b\":2}\n"), "");
  EXPECT_FALSE(fs::exists(out)) << "not visible before Commit";
  EXPECT_EQ(Entries().size(), 1u) << "one hidden temporary";
  EXPECT_TRUE(Entries()[0].starts_with(".stream.jsonl.tmp-")) << Entries()[0];
  EXPECT_EQ(f.Commit(), "");
  EXPECT_FALSE(f.is_open());
  EXPECT_EQ(Read(out), "{\"a\":1}\n{\"b\":2}\n");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"stream.jsonl"}));
}

TEST_F(AtomicFileTest, UncommittedLeavesNothing) {
  const fs::path out = dir_ / "partial.txt";
  {
    AtomicFile f;
    ASSERT_EQ(f.Open(out), "");
    ASSERT_EQ(f.Append("half a result"), "");
  }
  EXPECT_TRUE(Entries().empty());
}

TEST_F(AtomicFileTest, UncommittedKeepsThePreviousFile) {
  const fs::path out = dir_ / "keep.txt";
  ASSERT_EQ(WriteFileAtomically(out, "complete"), "");
  {
    AtomicFile f;
    ASSERT_EQ(f.Open(out), "");
    ASSERT_EQ(f.Append("partial"), "");
  }
  EXPECT_EQ(Read(out), "complete");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"keep.txt"}));
}

TEST_F(AtomicFileTest, ReopenDiscardsTheFirstTemporary) {
  AtomicFile f;
  ASSERT_EQ(f.Open(dir_ / "one.txt"), "");
  ASSERT_EQ(f.Open(dir_ / "two.txt"), "");
  ASSERT_EQ(f.Append("2"), "");
  ASSERT_EQ(f.Commit(), "");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"two.txt"}));
}

TEST_F(AtomicFileTest, NotOpenIsAnError) {
  AtomicFile f;
  EXPECT_FALSE(f.is_open());
  EXPECT_NE(f.Append("x"), "");
  EXPECT_NE(f.Commit(), "");
}

TEST_F(AtomicFileTest, ParentIsAFileIsAnError) {
  ASSERT_EQ(WriteFileAtomically(dir_ / "file", "x"), "");
  const std::string err = WriteFileAtomically(dir_ / "file" / "child.txt", "y");
  EXPECT_NE(err, "");
  EXPECT_NE(err.find("file"), std::string::npos) << err;
}

TEST_F(AtomicFileTest, TargetIsAFolderIsAnErrorAndLeavesNoTemporary) {
  fs::create_directories(dir_ / "taken");
  const std::string err = WriteFileAtomically(dir_ / "taken", "x");
  EXPECT_NE(err, "");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"taken"}));
}

TEST_F(AtomicFileTest, InstallTempFileCleanupTwice) {
  InstallTempFileCleanup();
  InstallTempFileCleanup();
  EXPECT_EQ(WriteFileAtomically(dir_ / "a", "b"), "");
}

}  // namespace
}  // namespace cleaner
