// Rule pack loader: TOML to plain data, every problem reported with
// file:line:column and the rule id, loading goes on after a problem.
#include "cleaner/rules/loader.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace cleaner {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with the fixture.
class TempDir {
 public:
  TempDir() {
    std::string name("cleaner-loader-test-");
    name.append(std::to_string(::getpid())).append("-").append(std::to_string(counter_++));
    path_ = fs::temp_directory_path() / name;
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void Write(const std::string& relative, const std::string& text) const {
    fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

std::string AllErrors(const LoadedRules& r) {
  std::string s;
  for (const RuleError& e : r.errors) s.append(e.ToString()).append("\n");
  return s;
}

// The first error whose message contains `needle`, or null.
const RuleError* FindError(const std::vector<RuleError>& errors, const std::string& needle) {
  for (const RuleError& e : errors) {
    if (e.message.find(needle) != std::string::npos) return &e;
  }
  return nullptr;
}

const char* kValidPack = R"toml([pack]
id = "generic.test"
description = "A test pack."

[[rule]]
id = "test.free-trial"
description = "Trial upsell."
patterns = ['(?i)^keep reading with an? \d+[- ]day free trial', '(?i)^subscribe to keep reading']
action = "drop_to_end"
kinds = ["line", "heading"]
min_words = 2
max_words = 40
zone = "tail"
min_words_before = 40
min_words_after = 5
flags = ["paywalled"]

  [[rule.example]]
  text = "Keep reading with a 7-day free trial"
  expect = "drop"

  [[rule.example]]
  text = '''
Body.
Keep reading with a 7-day free trial
'''
  output = '''
Body.
'''

[[rule]]
id = "test.range"
description = "A range."
pattern = '^Related$'
action = "drop_range"
until = '^End$'
max_blocks = 7
range_max_words = 12
)toml";

TEST(Loader, ValidPackLoads) {
  LoadedRules out;
  LoadPackText(kValidPack, "generic/test.toml", out);
  ASSERT_TRUE(out.ok()) << AllErrors(out);
  EXPECT_TRUE(out.warnings.empty());
  ASSERT_EQ(out.packs.size(), 1u);
  const Pack& pack = out.packs[0];
  EXPECT_EQ(pack.id, "generic.test");
  EXPECT_EQ(pack.description, "A test pack.");
  EXPECT_FALSE(pack.IsSite());
  EXPECT_EQ(pack.priority, 0);
  EXPECT_EQ(pack.where.file, "generic/test.toml");
  EXPECT_EQ(pack.where.line, 1);
  ASSERT_EQ(pack.rules.size(), 2u);

  const Rule& r = pack.rules[0];
  EXPECT_EQ(r.id, "test.free-trial");
  EXPECT_EQ(r.description, "Trial upsell.");
  ASSERT_EQ(r.patterns.size(), 2u);
  EXPECT_EQ(r.patterns[0], "(?i)^keep reading with an? \\d+[- ]day free trial");
  EXPECT_EQ(r.action, Action::kDropToEnd);
  EXPECT_EQ(r.kinds, (std::vector<BlockKind>{BlockKind::kLine, BlockKind::kHeading}));
  EXPECT_EQ(r.min_words, 2);
  EXPECT_EQ(r.max_words, 40);
  EXPECT_EQ(r.zone, Zone::kTail);
  EXPECT_EQ(r.min_words_before, 40);
  EXPECT_EQ(r.min_words_after, 5);
  EXPECT_EQ(r.flags, (std::vector<std::string>{"paywalled"}));
  EXPECT_EQ(r.where.line, 5);
  ASSERT_EQ(r.examples.size(), 2u);
  EXPECT_EQ(r.examples[0].expect, "drop");
  EXPECT_FALSE(r.examples[0].has_output);
  EXPECT_EQ(r.examples[0].text, "Keep reading with a 7-day free trial");
  EXPECT_TRUE(r.examples[1].has_output);
  EXPECT_EQ(r.examples[1].output, "Body.\n");
  EXPECT_TRUE(r.examples[1].expect.empty());
  EXPECT_GT(r.examples[1].where.line, r.examples[0].where.line);

  const Rule& range = pack.rules[1];
  EXPECT_EQ(range.patterns, (std::vector<std::string>{"^Related$"}));
  EXPECT_EQ(range.action, Action::kDropRange);
  EXPECT_EQ(range.until, "^End$");
  EXPECT_EQ(range.max_blocks, 7);
  EXPECT_EQ(range.range_max_words, 12);
  // Defaults.
  EXPECT_TRUE(range.kinds.empty());
  EXPECT_EQ(range.min_words, 0);
  EXPECT_EQ(range.max_words, INT_MAX);
  EXPECT_EQ(range.zone, Zone::kAny);
  EXPECT_TRUE(range.examples.empty());
}

TEST(Loader, SitePackDefaultsAndDomainsLowercased) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "site.example"
description = "Example."
domains = ["Example.COM", "news.example.org"]
fingerprint = '(?i)^example news$'
disable = ["generic.x"]
)toml",
               "sites/example.toml", out);
  ASSERT_TRUE(out.ok()) << AllErrors(out);
  const Pack& p = out.packs.at(0);
  EXPECT_TRUE(p.IsSite());
  EXPECT_EQ(p.priority, 100);
  EXPECT_EQ(p.domains, (std::vector<std::string>{"example.com", "news.example.org"}));
  EXPECT_EQ(p.fingerprints, (std::vector<std::string>{"(?i)^example news$"}));
  EXPECT_EQ(p.disable, (std::vector<std::string>{"generic.x"}));
  EXPECT_TRUE(p.rules.empty());
}

TEST(Loader, ExplicitPriority) {
  LoadedRules out;
  LoadPackText("[pack]\nid = \"p\"\ndescription = \"d\"\npriority = 7\n", "p.toml", out);
  ASSERT_TRUE(out.ok()) << AllErrors(out);
  EXPECT_EQ(out.packs.at(0).priority, 7);
  LoadPackText("[pack]\nid = \"q\"\ndescription = \"d\"\npriority = -1\n", "q.toml", out);
  EXPECT_NE(FindError(out.errors, "'priority' must be an integer"), nullptr) << AllErrors(out);
}

TEST(Loader, UnknownRuleKeyNamesFileLineColumnAndRule) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "generic.t"
description = "d"

[[rule]]
id = "t.typo"
description = "d"
patern = 'x'
action = "drop"
)toml",
               "generic/t.toml", out);
  ASSERT_EQ(out.errors.size(), 2u) << AllErrors(out);  // the typo, and no pattern at all
  const RuleError* e = FindError(out.errors, "unknown key 'patern'");
  ASSERT_NE(e, nullptr) << AllErrors(out);
  EXPECT_EQ(e->rule_id, "t.typo");
  EXPECT_EQ(e->where.file, "generic/t.toml");
  EXPECT_EQ(e->where.line, 8);
  EXPECT_EQ(e->where.column, 10);
  EXPECT_NE(e->message.find("[[rule]]"), std::string::npos);
  EXPECT_NE(e->message.find("patterns"), std::string::npos) << "lists the known keys";
  const std::string s = e->ToString();
  EXPECT_TRUE(s.starts_with("generic/t.toml:8:10: rule 't.typo': unknown key 'patern'")) << s;
  EXPECT_NE(FindError(out.errors, "needs either 'pattern'"), nullptr);
}

TEST(Loader, UnknownPackAndTopLevelKeys) {
  LoadedRules out;
  LoadPackText(R"toml(title = "x"
[pack]
id = "p"
description = "d"
domain = ["example.com"]
)toml",
               "p.toml", out);
  const RuleError* top = FindError(out.errors, "unknown top-level key 'title'");
  ASSERT_NE(top, nullptr) << AllErrors(out);
  EXPECT_EQ(top->where.line, 1);
  const RuleError* pack = FindError(out.errors, "unknown key 'domain' in [pack]");
  ASSERT_NE(pack, nullptr) << AllErrors(out);
  EXPECT_EQ(pack->where.line, 5);
  EXPECT_TRUE(pack->rule_id.empty());
}

TEST(Loader, UnknownExampleKey) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "p"
description = "d"
[[rule]]
id = "r"
description = "d"
pattern = 'x'
action = "drop"
  [[rule.example]]
  text = "x"
  expected = "drop"
)toml",
               "p.toml", out);
  const RuleError* e = FindError(out.errors, "unknown key 'expected'");
  ASSERT_NE(e, nullptr) << AllErrors(out);
  EXPECT_EQ(e->rule_id, "r");
  EXPECT_EQ(e->where.line, 11);
  EXPECT_NE(FindError(out.errors, "exactly one of 'expect'"), nullptr) << AllErrors(out);
}

TEST(Loader, MissingRequiredFields) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "p"

[[rule]]
pattern = 'x'

[[rule]]
id = "r2"
description = "d"
pattern = 'y'
)toml",
               "p.toml", out);
  EXPECT_NE(FindError(out.errors, "'description' is required"), nullptr) << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "'id' is required"), nullptr) << AllErrors(out);
  const RuleError* action = FindError(out.errors, "'action' is required");
  ASSERT_NE(action, nullptr) << AllErrors(out);
  // Both rules lack an action: one error each, the second names its rule.
  int action_errors = 0;
  bool r2_named = false;
  for (const RuleError& e : out.errors) {
    if (e.message.find("'action' is required") == std::string::npos) continue;
    ++action_errors;
    r2_named = r2_named || e.rule_id == "r2";
  }
  EXPECT_EQ(action_errors, 2);
  EXPECT_TRUE(r2_named);
  // Loading went on: both rules are in the pack.
  ASSERT_EQ(out.packs.size(), 1u);
  EXPECT_EQ(out.packs[0].rules.size(), 2u);
}

TEST(Loader, MissingPackTable) {
  LoadedRules out;
  LoadPackText("[[rule]]\nid = \"r\"\ndescription = \"d\"\npattern = 'x'\naction = \"drop\"\n",
               "nopack.toml", out);
  const RuleError* e = FindError(out.errors, "missing [pack] table");
  ASSERT_NE(e, nullptr) << AllErrors(out);
  EXPECT_EQ(e->where.file, "nopack.toml");
}

TEST(Loader, BadValues) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "p"
description = "d"
[[rule]]
id = "r"
description = "d"
pattern = 'x'
action = "delete"
kinds = ["paragraph", "sidebar"]
zone = "middle"
max_words = 0
min_words = "five"
flags = [1]
)toml",
               "p.toml", out);
  EXPECT_NE(FindError(out.errors, "unknown action 'delete'"), nullptr) << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "unknown kind 'sidebar'"), nullptr) << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "unknown zone 'middle'"), nullptr) << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "'max_words' must be an integer >= 1"), nullptr)
      << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "'min_words' must be an integer >= 0"), nullptr)
      << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "'flags' must hold only strings"), nullptr) << AllErrors(out);
  for (const RuleError& e : out.errors) EXPECT_EQ(e.rule_id, "r") << e.ToString();
  const RuleError* action = FindError(out.errors, "unknown action");
  ASSERT_NE(action, nullptr);
  EXPECT_EQ(action->where.line, 8);
}

TEST(Loader, RangeKeysNeedDropRange) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "p"
description = "d"
[[rule]]
id = "r"
description = "d"
pattern = 'x'
action = "drop"
until = 'y'
)toml",
               "p.toml", out);
  EXPECT_NE(FindError(out.errors, "only apply to action drop_range"), nullptr) << AllErrors(out);
}

TEST(Loader, BadExampleExpect) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "p"
description = "d"
[[rule]]
id = "r"
description = "d"
pattern = 'x'
action = "drop"
  [[rule.example]]
  text = "x"
  expect = "remove"
  [[rule.example]]
  text = "x"
  expect = "drop"
  output = "x"
)toml",
               "p.toml", out);
  EXPECT_NE(FindError(out.errors, "'expect' must be \"drop\" or \"keep\""), nullptr)
      << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "exactly one of"), nullptr) << AllErrors(out);
}

TEST(Loader, TomlSyntaxErrorHasLocation) {
  LoadedRules out;
  LoadPackText("[pack]\nid = \"p\"\ndescription = \"unterminated\n", "broken.toml", out);
  ASSERT_EQ(out.errors.size(), 1u) << AllErrors(out);
  const RuleError& e = out.errors[0];
  EXPECT_NE(e.message.find("TOML syntax"), std::string::npos) << e.ToString();
  EXPECT_EQ(e.where.file, "broken.toml");
  EXPECT_EQ(e.where.line, 3);
  EXPECT_GT(e.where.column, 0);
  EXPECT_TRUE(out.packs.empty());
}

TEST(Loader, BrokenRegexNamesRule) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "p"
description = "d"
[[rule]]
id = "ok.rule"
description = "d"
pattern = 'fine'
action = "drop"
[[rule]]
id = "bad.rule"
description = "d"
patterns = ['fine too', '(?<=look)behind']
action = "drop_range"
until = '(unclosed'
)toml",
               "p.toml", out);
  ASSERT_TRUE(out.ok()) << "RE2 checks happen in ValidateRules: " << AllErrors(out);
  ValidateRules(out);
  ASSERT_EQ(out.errors.size(), 2u) << AllErrors(out);
  for (const RuleError& e : out.errors) {
    EXPECT_EQ(e.rule_id, "bad.rule");
    EXPECT_NE(e.message.find("is not valid RE2"), std::string::npos);
    EXPECT_EQ(e.where.file, "p.toml");
    EXPECT_EQ(e.where.line, 9);
  }
  EXPECT_NE(FindError(out.errors, "pattern '(?<=look)behind'"), nullptr) << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "until '(unclosed'"), nullptr) << AllErrors(out);
}

TEST(Loader, BrokenFingerprint) {
  LoadedRules out;
  LoadPackText("[pack]\nid = \"s\"\ndescription = \"d\"\nfingerprint = ['[a-']\n", "sites/s.toml",
               out);
  ValidateRules(out);
  EXPECT_NE(FindError(out.errors, "fingerprint '[a-' is not valid RE2"), nullptr) << AllErrors(out);
}

TEST(Loader, DuplicateRuleAndPackIds) {
  LoadedRules out;
  const char* a = R"toml([pack]
id = "dup.pack"
description = "d"
[[rule]]
id = "same.id"
description = "d"
pattern = 'a'
action = "drop"
)toml";
  LoadPackText(a, "a.toml", out);
  LoadPackText(a, "b.toml", out);
  ValidateRules(out);
  const RuleError* rule = FindError(out.errors, "duplicate rule id");
  ASSERT_NE(rule, nullptr) << AllErrors(out);
  EXPECT_EQ(rule->rule_id, "same.id");
  EXPECT_EQ(rule->where.file, "b.toml") << "the second definition is the one reported";
  EXPECT_EQ(rule->where.line, 4);
  const RuleError* pack = FindError(out.errors, "duplicate pack id 'dup.pack'");
  ASSERT_NE(pack, nullptr) << AllErrors(out);
  EXPECT_EQ(pack->where.file, "b.toml");
}

TEST(Loader, DisableUnknownRuleIsAWarning) {
  LoadedRules out;
  LoadPackText(R"toml([pack]
id = "generic.p"
description = "d"
[[rule]]
id = "known.rule"
description = "d"
pattern = 'a'
action = "drop"
)toml",
               "generic/p.toml", out);
  LoadPackText(R"toml([pack]
id = "site.s"
description = "d"
domains = ["example.com"]
disable = ["known.rule", "no.such.rule"]
)toml",
               "sites/s.toml", out);
  ValidateRules(out);
  EXPECT_TRUE(out.ok()) << AllErrors(out);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].message.find("no.such.rule"), std::string::npos);
  EXPECT_NE(out.warnings[0].message.find("site.s"), std::string::npos);
  EXPECT_EQ(out.warnings[0].where.file, "sites/s.toml");
}

TEST(Loader, LoadRulesDirRecursiveSortedTomlOnly) {
  TempDir dir;
  dir.Write("sites/zeta.toml",
            "[pack]\nid = \"site.zeta\"\ndescription = \"d\"\ndomains = [\"zeta.com\"]\n");
  dir.Write("generic/alpha.toml", "[pack]\nid = \"generic.alpha\"\ndescription = \"d\"\n");
  dir.Write("generic/beta.toml", "[pack]\nid = \"generic.beta\"\ndescription = \"d\"\n");
  dir.Write("README.md", "not a pack");
  dir.Write("generic/notes.txt", "[pack]\nid = \"ignored\"\n");
  LoadedRules out = LoadRulesDir(dir.path());
  ASSERT_TRUE(out.ok()) << AllErrors(out);
  ASSERT_EQ(out.packs.size(), 3u);
  EXPECT_EQ(out.packs[0].id, "generic.alpha");
  EXPECT_EQ(out.packs[1].id, "generic.beta");
  EXPECT_EQ(out.packs[2].id, "site.zeta");
  EXPECT_EQ(out.packs[2].priority, 100);
  EXPECT_TRUE(out.packs[0].where.file.ends_with("generic/alpha.toml")) << out.packs[0].where.file;
}

TEST(Loader, LoadRulesDirValidatesAcrossFiles) {
  TempDir dir;
  const std::string rule =
      "[[rule]]\nid = \"shared.id\"\ndescription = \"d\"\npattern = 'x'\naction = \"drop\"\n";
  std::string a("[pack]\nid = \"a\"\ndescription = \"d\"\n");
  a.append(rule);
  std::string b("[pack]\nid = \"b\"\ndescription = \"d\"\n");
  b.append(rule);
  dir.Write("a.toml", a);
  dir.Write("b.toml", b);
  LoadedRules out = LoadRulesDir(dir.path());
  const RuleError* e = FindError(out.errors, "duplicate rule id");
  ASSERT_NE(e, nullptr) << AllErrors(out);
  EXPECT_TRUE(e->where.file.ends_with("b.toml"));
  EXPECT_EQ(e->where.line, 4);
  EXPECT_TRUE(e->ToString().find(":4:") != std::string::npos) << e->ToString();
}

TEST(Loader, LoadRulesDirReportsEveryBrokenFile) {
  TempDir dir;
  dir.Write("one.toml", "[pack\n");
  dir.Write("two.toml", "[pack]\nid = \"two\"\ndescription = \"d\"\nbogus = 1\n");
  dir.Write("three.toml", "[pack]\nid = \"three\"\ndescription = \"d\"\n");
  LoadedRules out = LoadRulesDir(dir.path());
  EXPECT_FALSE(out.ok());
  bool one = false, two = false;
  for (const RuleError& e : out.errors) {
    one = one || e.where.file.ends_with("one.toml");
    two = two || e.where.file.ends_with("two.toml");
  }
  EXPECT_TRUE(one) << AllErrors(out);
  EXPECT_TRUE(two) << AllErrors(out);
  EXPECT_EQ(out.packs.size(), 2u) << "the valid and the semantically broken packs still load";
}

TEST(Loader, LoadRulesDirMissingDirectory) {
  TempDir dir;
  LoadedRules out = LoadRulesDir(dir.path() / "does-not-exist");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message.find("not found"), std::string::npos);
  EXPECT_TRUE(out.packs.empty());
}

TEST(SourceLocation, ToString) {
  SourceLocation a;
  a.file = "f.toml";
  a.line = 3;
  a.column = 7;
  EXPECT_EQ(a.ToString(), "f.toml:3:7");
  SourceLocation b;
  b.file = "dir";
  EXPECT_EQ(b.ToString(), "dir");
  RuleError e = MakeRuleError(a, "", "missing [pack] table");
  EXPECT_EQ(e.ToString(), "f.toml:3:7: missing [pack] table");
  RuleError r = MakeRuleError(a, "x.y", "duplicate rule id");
  EXPECT_EQ(r.ToString(), "f.toml:3:7: rule 'x.y': duplicate rule id");
}

TEST(ActionName, Names) {
  EXPECT_STREQ(ActionName(Action::kDrop), "drop");
  EXPECT_STREQ(ActionName(Action::kDropToEnd), "drop_to_end");
  EXPECT_STREQ(ActionName(Action::kDropBefore), "drop_before");
  EXPECT_STREQ(ActionName(Action::kDropRange), "drop_range");
  EXPECT_STREQ(ActionName(Action::kKeep), "keep");
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

LoadedRules LoadOne(const std::string& rule) {
  LoadedRules out;
  LoadPackText("[pack]\nid = \"generic.t\"\ndescription = \"d\"\n\n" + rule, "generic/t.toml", out);
  ValidateRules(out);
  return out;
}

TEST(LoaderSelectors, SelectorRuleLoads) {
  LoadedRules out = LoadOne(R"toml([[rule]]
id = "t.share"
description = "d"
selectors = ['.share', 'div.social > a']
action = "drop"
max_words = 40
flags = ["x"]
  [[rule.example]]
  html = '<div class="share">Share</div>'
  expect = "drop"
)toml");
  ASSERT_TRUE(out.ok()) << AllErrors(out);
  const Rule& rule = out.packs.at(0).rules.at(0);
  EXPECT_TRUE(rule.IsDomRule());
  EXPECT_EQ(rule.selectors.size(), 2u);
  ASSERT_EQ(rule.examples.size(), 1u);
  EXPECT_TRUE(rule.examples[0].is_html);
}

TEST(LoaderSelectors, PatternAndSelectorTogetherIsAnError) {
  LoadedRules out = LoadOne(R"toml([[rule]]
id = "t.both"
description = "d"
pattern = 'x'
selector = '.x'
action = "drop"
)toml");
  EXPECT_NE(FindError(out.errors, "not both"), nullptr) << AllErrors(out);
}

TEST(LoaderSelectors, TextOnlyKeysAndActionsAreRefused) {
  LoadedRules out = LoadOne(R"toml([[rule]]
id = "t.sel"
description = "d"
selector = '.x'
action = "drop_range"
kinds = ["paragraph"]
zone = "head"
)toml");
  EXPECT_NE(
      FindError(out.errors, "a selector rule's action is drop, drop_to_end, drop_before or keep"),
      nullptr)
      << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "'kinds' applies to text rules"), nullptr) << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "'zone' applies to text rules"), nullptr) << AllErrors(out);
}

TEST(LoaderSelectors, BrokenSelectorNamesRuleAndColumn) {
  LoadedRules out = LoadOne(R"toml([[rule]]
id = "t.bad"
description = "d"
selector = 'div:hover'
action = "drop"
)toml");
  const RuleError* e = FindError(out.errors, "selector 'div:hover': column 10");
  ASSERT_NE(e, nullptr) << AllErrors(out);
  EXPECT_EQ(e->rule_id, "t.bad");
  EXPECT_EQ(e->where.line, 5);
}

TEST(LoaderSelectors, ExamplesMustFitTheRuleKind) {
  LoadedRules out = LoadOne(R"toml([[rule]]
id = "t.text"
description = "d"
pattern = 'x'
action = "drop"
  [[rule.example]]
  html = '<p>x</p>'
  expect = "drop"

[[rule]]
id = "t.sel"
description = "d"
selector = 'p'
action = "drop"
  [[rule.example]]
  text = 'x'
  expect = "drop"
  [[rule.example]]
  html = '<p>x</p>'
  output = "x"
)toml");
  EXPECT_NE(FindError(out.errors, "a pattern rule's examples give 'text'"), nullptr)
      << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "a selector rule's examples give 'html'"), nullptr)
      << AllErrors(out);
  EXPECT_NE(FindError(out.errors, "an 'html' example takes 'expect'"), nullptr) << AllErrors(out);
}

}  // namespace
}  // namespace cleaner
