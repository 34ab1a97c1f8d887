// Writes output files atomically: a temporary file in the destination's folder,
// then rename(2). Temporaries still open when the process is interrupted
// (SIGINT, SIGTERM, SIGHUP, SIGPIPE) are removed by a signal handler, so a
// killed batch leaves complete outputs or none, never a partial file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace cleaner {

// Installs the clean-up handler once; safe to call again.
void InstallTempFileCleanup();

// Writes `data` to `path` atomically, creating parent folders. Returns an error
// message, empty on success.
std::string WriteFileAtomically(const std::filesystem::path& path, std::string_view data);

}  // namespace cleaner
