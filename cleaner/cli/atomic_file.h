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

// Writes `data` to `path` atomically, creating parent folders. A regular file
// there that already holds exactly `data` (mode 0644, not hard-linked, as a
// write would leave it) is left as it is, its times set to now. Returns an
// error message, empty on success.
std::string WriteFileAtomically(const std::filesystem::path& path, std::string_view data);

// A file written piece by piece (a stream's results) that appears under its name
// only when Commit() succeeds; destroyed uncommitted, it leaves nothing behind.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::string Open(const std::filesystem::path& path);  // error message or ""
  std::string Append(std::string_view data);
  std::string Commit();
  void Discard();  // drops the temporary; the destination stays as it was
  bool is_open() const { return fd_ >= 0; }

 private:
  std::filesystem::path path_;
  char* temp_ = nullptr;
  int fd_ = -1;
  int slot_ = -1;
};

}  // namespace cleaner
