#include "cleaner/rules/loader.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <re2/re2.h>
#include <re2/set.h>
#include <toml++/toml.h>

#include "cleaner/html/selector.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

const std::set<std::string_view> kPackKeys = {"id",          "description", "domains",
                                              "fingerprint", "disable",     "priority"};
const std::set<std::string_view> kRuleKeys = {
    "id",         "description",     "pattern", "patterns",         "action",          "kinds",
    "min_words",  "max_words",       "zone",    "min_words_before", "min_words_after", "until",
    "max_blocks", "range_max_words", "flags",   "example",          "selector",        "selectors"};
const std::set<std::string_view> kExampleKeys = {"text", "html", "expect", "output"};
// Keys about a block's place in the text; a DOM rule judges an element instead.
const std::string_view kTextOnlyKeys[] = {"kinds",           "zone",  "min_words_before",
                                          "min_words_after", "until", "max_blocks",
                                          "range_max_words"};

// "'key' rest"; built by appending (GCC 12 warns falsely on "'" + std::string(...)).
std::string KeyMessage(std::string_view key, std::string_view rest) {
  std::string m;
  m.reserve(key.size() + rest.size() + 2);
  m += '\'';
  m += key;
  m += '\'';
  m += rest;
  return m;
}

SourceLocation Where(const std::string& file, const toml::source_region& src) {
  return {file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)};
}

// Reads tables with the loader's bookkeeping: the file for messages, the rule id
// in scope, and where to put errors.
class TableReader {
 public:
  TableReader(const std::string& file, LoadedRules& out) : file_(file), out_(out) {}

  void SetRuleId(std::string id) { rule_id_ = std::move(id); }

  void Error(const toml::node& node, std::string message) {
    out_.errors.push_back({Where(file_, node.source()), rule_id_, std::move(message)});
  }

  void CheckKeys(const toml::table& table, const std::set<std::string_view>& known,
                 std::string_view what) {
    for (const auto& [key, value] : table) {
      if (!known.contains(key.str())) {
        std::string list;
        for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        Error(value, "unknown key '" + std::string(key.str()) + "' in " + std::string(what) +
                         " (known: " + list + ")");
      }
    }
  }

  bool String(const toml::table& t, std::string_view key, std::string& into, bool required) {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      if (required) Error(t, KeyMessage(key, " is required but missing"));
      return false;
    }
    if (auto v = node->value<std::string>()) {
      into = *v;
      return true;
    }
    Error(*node, KeyMessage(key, " must be a string"));
    return false;
  }

  void Int(const toml::table& t, std::string_view key, int& into, int min_value) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return;
    auto v = node->value<int64_t>();
    if (!v || *v < min_value || *v > INT_MAX) {
      Error(*node, KeyMessage(key, " must be an integer >= ") + std::to_string(min_value));
      return;
    }
    into = static_cast<int>(*v);
  }

  // A string or an array of strings.
  void Strings(const toml::table& t, std::string_view key, std::vector<std::string>& into) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return;
    if (auto v = node->value<std::string>()) {
      into.push_back(*v);
      return;
    }
    const toml::array* arr = node->as_array();
    if (arr == nullptr) {
      Error(*node, KeyMessage(key, " must be a string or an array of strings"));
      return;
    }
    for (const toml::node& item : *arr) {
      if (auto v = item.value<std::string>()) {
        into.push_back(*v);
      } else {
        Error(item, KeyMessage(key, " must hold only strings"));
      }
    }
  }

 private:
  const std::string& file_;
  LoadedRules& out_;
  std::string rule_id_;
};

bool ParseAction(std::string_view s, Action& a) {
  static const std::pair<std::string_view, Action> kActions[] = {
      {"drop", Action::kDrop},
      {"drop_to_end", Action::kDropToEnd},
      {"drop_before", Action::kDropBefore},
      {"drop_range", Action::kDropRange},
      {"keep", Action::kKeep}};
  for (auto [name, action] : kActions) {
    if (s == name) {
      a = action;
      return true;
    }
  }
  return false;
}

bool ParseKind(std::string_view s, BlockKind& k) {
  for (BlockKind kind :
       {BlockKind::kParagraph, BlockKind::kHeading, BlockKind::kListItem, BlockKind::kLine}) {
    if (s == BlockKindName(kind)) {
      k = kind;
      return true;
    }
  }
  return false;
}

void LoadExamples(const toml::table& rule_table, Rule& rule, TableReader& reader,
                  const std::string& file) {
  const toml::node* node = rule_table.get("example");
  if (node == nullptr) return;
  const toml::array* arr = node->as_array();
  if (arr == nullptr) {
    reader.Error(*node, "'example' must be an array of tables ([[rule.example]])");
    return;
  }
  for (const toml::node& item : *arr) {
    const toml::table* t = item.as_table();
    if (t == nullptr) {
      reader.Error(item, "each [[rule.example]] must be a table");
      continue;
    }
    reader.CheckKeys(*t, kExampleKeys, "[[rule.example]]");
    RuleExample ex;
    ex.where = Where(file, t->source());
    ex.is_html = t->contains("html");
    if (ex.is_html == t->contains("text")) {
      reader.Error(
          *t, "an example needs exactly one of 'text' (text rules) or 'html' (selector rules)");
    }
    reader.String(*t, ex.is_html ? "html" : "text", ex.text, false);
    if (ex.is_html != rule.IsDomRule()) {
      reader.Error(*t, rule.IsDomRule() ? "a selector rule's examples give 'html', not 'text'"
                                        : "a pattern rule's examples give 'text', not 'html'");
    }
    ex.has_output = reader.String(*t, "output", ex.output, false);
    bool has_expect = reader.String(*t, "expect", ex.expect, false);
    if (ex.has_output == has_expect) {
      reader.Error(*t, "an example needs exactly one of 'expect' (drop|keep) or 'output'");
    } else if (ex.is_html && ex.has_output) {
      reader.Error(*t, "an 'html' example takes 'expect' (drop|keep), not 'output'");
    } else if (has_expect && ex.expect != "drop" && ex.expect != "keep") {
      reader.Error(*t, "'expect' must be \"drop\" or \"keep\", not \"" + ex.expect + "\"");
    }
    rule.examples.push_back(std::move(ex));
  }
}

void LoadRule(const toml::table& t, Pack& pack, TableReader& reader, const std::string& file) {
  Rule rule;
  rule.where = Where(file, t.source());
  reader.SetRuleId("");
  reader.String(t, "id", rule.id, true);
  reader.SetRuleId(rule.id);
  reader.CheckKeys(t, kRuleKeys, "[[rule]]");
  reader.String(t, "description", rule.description, true);
  reader.Strings(t, "pattern", rule.patterns);
  reader.Strings(t, "patterns", rule.patterns);
  reader.Strings(t, "selector", rule.selectors);
  reader.Strings(t, "selectors", rule.selectors);
  if (rule.patterns.empty() == rule.selectors.empty()) {
    reader.Error(t,
                 "a rule needs either 'pattern'/'patterns' (text) or 'selector'/'selectors' "
                 "(HTML elements), not both");
  }

  std::string action;
  if (reader.String(t, "action", action, true) && !ParseAction(action, rule.action)) {
    reader.Error(*t.get("action"), "unknown action '" + action +
                                       "' (drop, drop_to_end, drop_before, drop_range, keep)");
  }
  std::vector<std::string> kinds;
  reader.Strings(t, "kinds", kinds);
  for (const std::string& k : kinds) {
    BlockKind kind;
    if (ParseKind(k, kind)) {
      rule.kinds.push_back(kind);
    } else {
      reader.Error(*t.get("kinds"),
                   "unknown kind '" + k + "' (paragraph, heading, list_item, line)");
    }
  }
  reader.Int(t, "min_words", rule.min_words, 0);
  reader.Int(t, "max_words", rule.max_words, 1);
  std::string zone;
  if (reader.String(t, "zone", zone, false)) {
    if (zone == "head") {
      rule.zone = Zone::kHead;
    } else if (zone == "tail") {
      rule.zone = Zone::kTail;
    } else if (zone != "any") {
      reader.Error(*t.get("zone"), "unknown zone '" + zone + "' (head, tail, any)");
    }
  }
  reader.Int(t, "min_words_before", rule.min_words_before, 0);
  reader.Int(t, "min_words_after", rule.min_words_after, 0);
  reader.String(t, "until", rule.until, false);
  reader.Int(t, "max_blocks", rule.max_blocks, 0);
  reader.Int(t, "range_max_words", rule.range_max_words, 1);
  bool range_keys =
      t.contains("until") || t.contains("max_blocks") || t.contains("range_max_words");
  if (range_keys && rule.action != Action::kDropRange) {
    reader.Error(t, "'until', 'max_blocks' and 'range_max_words' only apply to action drop_range");
  }
  if (rule.IsDomRule()) {
    if (rule.action == Action::kDropRange) {
      reader.Error(*t.get("action"),
                   "a selector rule's action is drop, drop_to_end, drop_before or keep");
    }
    for (std::string_view key : kTextOnlyKeys) {
      if (const toml::node* node = t.get(key)) {
        reader.Error(*node, KeyMessage(key, " applies to text rules, not selector rules"));
      }
    }
  }
  reader.Strings(t, "flags", rule.flags);
  LoadExamples(t, rule, reader, file);
  pack.rules.push_back(std::move(rule));
}

}  // namespace

std::string SourceLocation::ToString() const {
  std::string s = file;
  if (line > 0) {
    s += ':';
    s += std::to_string(line);
  }
  if (column > 0) {
    s += ':';
    s += std::to_string(column);
  }
  return s;
}

RuleError MakeRuleError(SourceLocation where, std::string rule_id, std::string message) {
  RuleError e;
  e.where = std::move(where);
  e.rule_id = std::move(rule_id);
  e.message = std::move(message);
  return e;
}

std::string RuleError::ToString() const {
  std::string s = where.ToString() + ": ";
  if (!rule_id.empty()) s += "rule '" + rule_id + "': ";
  return s + message;
}

const char* ActionName(Action action) {
  switch (action) {
    case Action::kDrop:
      return "drop";
    case Action::kDropToEnd:
      return "drop_to_end";
    case Action::kDropBefore:
      return "drop_before";
    case Action::kDropRange:
      return "drop_range";
    case Action::kKeep:
      return "keep";
  }
  return "drop";
}

void LoadPackText(std::string_view toml_text, const std::string& file, LoadedRules& out) {
  toml::table root;
  try {
    root = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    out.errors.push_back(
        {Where(file, e.source()), "", "TOML syntax: " + std::string(e.description())});
    return;
  }
  TableReader reader(file, out);
  Pack pack;
  pack.where = {file, 1, 1};
  for (const auto& [key, value] : root) {
    if (key.str() != "pack" && key.str() != "rule") {
      reader.Error(value, "unknown top-level key '" + std::string(key.str()) +
                              "' (a pack file holds [pack] and [[rule]] tables)");
    }
  }
  const toml::table* pack_table = root["pack"].as_table();
  if (pack_table == nullptr) {
    out.errors.push_back(MakeRuleError({file, 1, 1}, "", "missing [pack] table"));
  } else {
    pack.where = Where(file, pack_table->source());
    reader.CheckKeys(*pack_table, kPackKeys, "[pack]");
    reader.String(*pack_table, "id", pack.id, true);
    reader.String(*pack_table, "description", pack.description, true);
    reader.Strings(*pack_table, "domains", pack.domains);
    reader.Strings(*pack_table, "fingerprint", pack.fingerprints);
    reader.Strings(*pack_table, "disable", pack.disable);
    for (std::string& d : pack.domains) {
      std::transform(d.begin(), d.end(), d.begin(),
                     [](unsigned char c) { return std::tolower(c); });
    }
    pack.priority = pack.IsSite() ? 100 : 0;
    reader.Int(*pack_table, "priority", pack.priority, 0);
  }
  if (const toml::node* rules = root.get("rule")) {
    if (const toml::array* arr = rules->as_array()) {
      for (const toml::node& item : *arr) {
        if (const toml::table* t = item.as_table()) {
          LoadRule(*t, pack, reader, file);
        } else {
          reader.Error(item, "each [[rule]] must be a table");
        }
      }
    } else {
      reader.Error(*rules, "'rule' must be an array of tables ([[rule]])");
    }
  }
  out.packs.push_back(std::move(pack));
}

void ValidateRules(LoadedRules& rules) {
  std::set<std::string> rule_ids;
  std::set<std::string> pack_ids;
  RE2::Options options;
  options.set_log_errors(false);
  auto check_pattern = [&](const std::string& pattern, const SourceLocation& where,
                           const std::string& id, std::string_view what) {
    // Parse only: compiling every pattern on its own would double the start-up
    // time, and RuleSet::Compile compiles them anyway.
    RE2::Set parser(options, RE2::UNANCHORED);
    std::string error;
    if (parser.Add(pattern, &error) < 0) {
      rules.errors.push_back(
          {where, id, std::string(what) + " '" + pattern + "' is not valid RE2: " + error});
    }
  };
  for (const Pack& pack : rules.packs) {
    if (!pack.id.empty() && !pack_ids.insert(pack.id).second) {
      rules.errors.push_back({pack.where, "", "duplicate pack id '" + pack.id + "'"});
    }
    for (const std::string& fp : pack.fingerprints)
      check_pattern(fp, pack.where, "", "fingerprint");
    for (const Rule& rule : pack.rules) {
      if (!rule.id.empty() && !rule_ids.insert(rule.id).second) {
        rules.errors.push_back({rule.where, rule.id, "duplicate rule id"});
      }
      for (const std::string& p : rule.patterns) check_pattern(p, rule.where, rule.id, "pattern");
      for (const std::string& sel : rule.selectors) {
        std::string error;
        if (!html::Selector::Parse(sel, &error)) {
          rules.errors.push_back(
              MakeRuleError(rule.where, rule.id, "selector '" + sel + "': " + error));
        }
      }
      if (!rule.until.empty()) check_pattern(rule.until, rule.where, rule.id, "until");
    }
  }
  for (const Pack& pack : rules.packs) {
    for (const std::string& id : pack.disable) {
      if (!rule_ids.contains(id)) {
        rules.warnings.push_back(
            {pack.where, "", "pack '" + pack.id + "' disables unknown rule '" + id + "'"});
      }
    }
  }
}

LoadedRules LoadRulesDir(const fs::path& dir) {
  LoadedRules out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.errors.push_back(
        MakeRuleError({dir.string(), 0, 0}, "", "rules directory not found or not a directory"));
    return out;
  }
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".toml") files.push_back(it->path());
  }
  if (ec)
    out.errors.push_back(MakeRuleError({dir.string(), 0, 0}, "", "cannot list: " + ec.message()));
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
      out.errors.push_back(MakeRuleError({file.string(), 0, 0}, "", "cannot read file"));
      continue;
    }
    LoadPackText(buffer.str(), file.string(), out);
  }
  ValidateRules(out);
  return out;
}

}  // namespace cleaner
