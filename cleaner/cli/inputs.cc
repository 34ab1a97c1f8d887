#include "cleaner/cli/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace cleaner {
namespace {

namespace fs = std::filesystem;

void WalkDirectory(const fs::path& root, std::vector<InputItem>& out) {
  std::vector<InputItem> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec);
  if (ec) {
    out.push_back({root.string(), {}, "cannot open folder: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator();) {
    const fs::path& p = it->path();
    bool hidden = p.filename().string().starts_with(".");
    std::error_code type_ec;
    if (hidden) {
      if (it->is_directory(type_ec)) it.disable_recursion_pending();
    } else if (it->is_regular_file(type_ec)) {
      found.push_back({p.string(), p.lexically_relative(root), ""});
    } else if (it->is_directory(type_ec)) {
      // An unreadable subfolder is reported, not silently skipped.
      std::error_code probe;
      fs::directory_iterator check(p, probe);
      if (probe) {
        found.push_back({p.string(), {}, "cannot open folder: " + probe.message()});
        it.disable_recursion_pending();
      }
    }
    it.increment(ec);
    if (ec) {
      found.push_back({p.string(), {}, "cannot read folder: " + ec.message()});
      break;
    }
  }
  std::sort(found.begin(), found.end(),
            [](const InputItem& a, const InputItem& b) { return a.path < b.path; });
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
}

// A file given on the command line keeps its relative path below -o DIR
// (fixtures/a/input.txt -> DIR/fixtures/a/input.txt); absolute paths and paths
// leaving the current folder keep only their file name.
fs::path OutputName(const std::string& path) {
  fs::path p = fs::path(path).lexically_normal();
  if (p.is_absolute() || p.empty() || *p.begin() == "..") return p.filename();
  return p;
}

}  // namespace

std::vector<InputItem> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<InputItem> items;
  if (paths.empty()) {
    items.push_back({"-", "stdin", ""});
    return items;
  }
  for (const std::string& path : paths) {
    if (path == "-") {
      items.push_back({"-", "stdin", ""});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      items.push_back({path, {}, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      WalkDirectory(path, items);
    } else {
      items.push_back({path, OutputName(path), ""});
    }
  }
  return items;
}

std::string ReadInput(const std::string& path, std::string& out) {
  out.clear();
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return "cannot read stdin";
    return "";
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::string("cannot open: ") + std::strerror(errno);
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool failed = std::ferror(f) != 0;
  int saved = errno;
  std::fclose(f);
  if (failed) return std::string("cannot read: ") + std::strerror(saved);
  return "";
}

}  // namespace cleaner
