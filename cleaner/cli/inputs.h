// Turns the command line's paths into a list of inputs: files as given,
// directories walked recursively in sorted order (dot files skipped), "-" for
// stdin. Problems (missing path, unreadable folder) become failed inputs with a
// message, so the rest of the batch goes on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cleaner {

struct InputItem {
  std::string path;                // "-" for stdin
  std::filesystem::path relative;  // output name below -o DIR
  std::string error;               // non-empty: this input failed before reading
};

std::vector<InputItem> ExpandInputs(const std::vector<std::string>& paths);

// Reads a whole file ("-" = stdin) into `out`; returns an error message or "".
std::string ReadInput(const std::string& path, std::string& out);

}  // namespace cleaner
