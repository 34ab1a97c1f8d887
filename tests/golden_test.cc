// Golden fixtures: every fixtures/<case>/ holds input.txt and expected.txt (and
// optionally case.toml with a `url`); cleaning the input with the bundled rules
// must give expected.txt byte for byte. Expectations are written by hand, never
// generated from the cleaner's output; a failure prints the --explain view.
#include <gtest/gtest.h>

#include <toml++/toml.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cleaner/emit/emit.h"
#include "cleaner/pipeline/cleaner.h"
#include "cleaner/rules/loader.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const RuleSet& BundledRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    LoadedRules loaded = LoadRulesDir(CLEANER_RULES_DIR);
    for (const RuleError& e : loaded.errors) ADD_FAILURE() << e.ToString();
    std::vector<RuleError> errors;
    return RuleSet::Compile(std::move(loaded), &errors);
  }();
  return *rules;
}

std::vector<std::string> TextCases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(CLEANER_FIXTURES_DIR)) {
    if (entry.is_directory() && fs::exists(entry.path() / "input.txt")) {
      cases.push_back(entry.path().filename().string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class GoldenText : public testing::TestWithParam<std::string> {};

TEST_P(GoldenText, MatchesExpectedBody) {
  const fs::path dir = fs::path(CLEANER_FIXTURES_DIR) / GetParam();
  CleanOptions options;
  if (fs::exists(dir / "case.toml")) {
    toml::table meta = toml::parse_file((dir / "case.toml").string());
    options.url = meta["url"].value_or(std::string());
  }
  Cleaner cleaner(BundledRules());
  Document doc = cleaner.Clean(ReadFile(dir / "input.txt"), options);
  std::string expected = ReadFile(dir / "expected.txt");
  std::string got = BodyText(doc);
  EXPECT_EQ(got, expected) << "explain:\n" << ExplainText(doc);
}

std::string CaseName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenText, testing::ValuesIn(TextCases()), CaseName);

}  // namespace
}  // namespace cleaner
