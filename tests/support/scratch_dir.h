// A fresh folder per test case below the system temp folder, removed afterwards:
// tests that write files derive their fixture from ScratchDirTest.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace cleaner::testing_support {

class ScratchDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name("cleaner-test-");
    name.append(std::to_string(::getpid()))
        .append("-")
        .append(::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name())
        .append("-")
        .append(::testing::UnitTest::GetInstance()->current_test_info()->name());
    dir_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    // A test may have taken permissions away; give them back so removal works.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             dir_, std::filesystem::directory_options::skip_permission_denied, ec)) {
      std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, ec);
    }
    std::filesystem::remove_all(dir_, ec);
  }

  std::filesystem::path dir_;
};

}  // namespace cleaner::testing_support
