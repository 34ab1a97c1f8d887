// Command-line paths to inputs: files as given, folders walked recursively in
// sorted order with dot files skipped, "-" for stdin, problems as failed items.
#include "cleaner/cli/inputs.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/scratch_dir.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

class InputsTest : public testing_support::ScratchDirTest {
 protected:
  void Write(const std::string& relative, const std::string& text) {
    fs::path p = dir_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
};

TEST_F(InputsTest, NothingMeansStdin) {
  std::vector<InputItem> items = ExpandInputs({});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].path, "-");
  EXPECT_EQ(items[0].relative, "stdin");
  EXPECT_TRUE(items[0].error.empty());
  items = ExpandInputs({"-"});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].path, "-");
}

TEST_F(InputsTest, MissingPathIsAFailedItem) {
  const std::string missing = (dir_ / "nope.txt").string();
  std::vector<InputItem> items = ExpandInputs({missing});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].path, missing);
  EXPECT_NE(items[0].error, "");
}

TEST_F(InputsTest, FolderWalkedRecursivelySortedDotFilesSkipped) {
  Write("b.txt", "b");
  Write("a.txt", "a");
  Write("sub/c.txt", "c");
  Write("sub/deeper/d.txt", "d");
  Write(".hidden.txt", "h");
  Write(".git/config", "g");
  Write("sub/.cache/e.txt", "e");
  std::vector<InputItem> items = ExpandInputs({dir_.string()});
  std::vector<std::string> rel;
  for (const InputItem& i : items) {
    EXPECT_TRUE(i.error.empty()) << i.path << ": " << i.error;
    rel.push_back(i.relative.string());
  }
  EXPECT_EQ(rel, (std::vector<std::string>{"a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"}));
  EXPECT_EQ(items[0].path, (dir_ / "a.txt").string());
}

TEST_F(InputsTest, FilesKeepTheirOrderAndRelativePath) {
  Write("x/one.txt", "1");
  Write("two.txt", "2");
  const std::string abs = (dir_ / "two.txt").string();
  std::vector<InputItem> items = ExpandInputs({abs, (dir_ / "x/one.txt").string()});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].path, abs);
  EXPECT_EQ(items[0].relative, "two.txt") << "an absolute path keeps only its name";
  EXPECT_EQ(items[1].relative, "one.txt");
}

TEST_F(InputsTest, RelativeFilePathIsKept) {
  Write("rel/dir/page.txt", "p");
  const fs::path old = fs::current_path();
  fs::current_path(dir_);
  std::vector<InputItem> items = ExpandInputs({"rel/dir/page.txt", "./rel/../rel/dir/page.txt"});
  fs::current_path(old);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].relative, "rel/dir/page.txt");
  EXPECT_EQ(items[1].relative, "rel/dir/page.txt") << "normalised";
}

TEST_F(InputsTest, PathLeavingTheFolderKeepsOnlyItsName) {
  Write("a/page.txt", "p");
  fs::create_directories(dir_ / "b");
  const fs::path old = fs::current_path();
  fs::current_path(dir_ / "b");
  std::vector<InputItem> items = ExpandInputs({"../a/page.txt"});
  fs::current_path(old);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].relative, "page.txt");
}

TEST_F(InputsTest, UnreadableSubfolderIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  Write("ok.txt", "ok");
  Write("locked/secret.txt", "s");
  fs::permissions(dir_ / "locked", fs::perms::none);
  std::vector<InputItem> items = ExpandInputs({dir_.string()});
  bool reported = false, ok = false;
  for (const InputItem& i : items) {
    reported = reported || (i.path.ends_with("locked") && !i.error.empty());
    ok = ok || (i.path.ends_with("ok.txt") && i.error.empty());
  }
  EXPECT_TRUE(reported);
  EXPECT_TRUE(ok);
}

TEST_F(InputsTest, ReadInput) {
  std::string bytes("line\r\n");
  bytes.push_back('\0');
  bytes.append(200000, 'x');  // more than one read buffer
  Write("data.bin", bytes);
  std::string out = "stale";
  EXPECT_EQ(ReadInput((dir_ / "data.bin").string(), out), "");
  EXPECT_EQ(out, bytes);
}

TEST_F(InputsTest, ReadInputMissingFile) {
  std::string out = "stale";
  const std::string err = ReadInput((dir_ / "missing").string(), out);
  EXPECT_TRUE(err.starts_with("cannot open")) << err;
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace cleaner
