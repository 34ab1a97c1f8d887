#include "cleaner/cli/rules_source.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cleaner/rules/loader.h"

namespace cleaner {

std::string ResolveRulesDir(const std::string& flag) {
  namespace fs = std::filesystem;
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("CLEANER_RULES"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path candidate :
         {exe.parent_path() / "../share/cleaner/rules", exe.parent_path() / "../rules"}) {
      if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    }
  }
#ifdef CLEANER_RULES_DIR
  return CLEANER_RULES_DIR;
#else
  return "rules";
#endif
}

std::unique_ptr<RuleSet> LoadRulesOrReport(const std::string& dir, bool quiet) {
  LoadedRules loaded = LoadRulesDir(dir);
  if (!quiet) {
    for (const RuleError& w : loaded.warnings)
      std::cerr << "cleaner: warning: " << w.ToString() << "\n";
  }
  for (const RuleError& e : loaded.errors) std::cerr << "cleaner: " << e.ToString() << "\n";
  if (!loaded.ok()) {
    std::cerr << "cleaner: " << loaded.errors.size() << " rule error(s) in " << dir
              << "; nothing cleaned (check with: cleaner rules check --rules " << dir << ")\n";
    return nullptr;
  }
  std::vector<RuleError> errors;
  auto rules = RuleSet::Compile(std::move(loaded), &errors);
  for (const RuleError& e : errors) std::cerr << "cleaner: " << e.ToString() << "\n";
  return rules;
}

}  // namespace cleaner
