#include "cleaner/cli/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace cleaner {
namespace {

// Temp paths in flight, readable from a signal handler: fixed slots, no locks.
constexpr std::size_t kSlots = 256;
std::array<std::atomic<char*>, kSlots> g_temp_paths{};

int Register(char* path) {
  for (std::size_t i = 0; i < kSlots; ++i) {
    char* expected = nullptr;
    if (g_temp_paths[i].compare_exchange_strong(expected, path)) return static_cast<int>(i);
  }
  return -1;  // more writers than slots: that file is not cleaned up on a signal
}

void Unregister(int slot) {
  if (slot >= 0) g_temp_paths[static_cast<std::size_t>(slot)].store(nullptr);
}

extern "C" void RemoveTempsAndExit(int sig) {
  for (auto& slot : g_temp_paths) {
    if (char* p = slot.load()) unlink(p);  // async-signal-safe
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

void InstallTempFileCleanup() {
  static std::atomic<bool> installed{false};
  if (installed.exchange(true)) return;
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction sa {};
    sa.sa_handler = RemoveTempsAndExit;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, nullptr);
  }
}

std::string WriteFileAtomically(const std::filesystem::path& path, std::string_view data) {
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return "cannot create folder " + path.parent_path().string() + ": " + ec.message();
  }
  std::string tmpl =
      (path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  char* temp = strdup(tmpl.c_str());
  if (temp == nullptr) return "out of memory";
  int fd = mkstemp(temp);
  if (fd < 0) {
    std::string err = "cannot create " + tmpl + ": " + std::strerror(errno);
    std::free(temp);
    return err;
  }
  int slot = Register(temp);
  std::string err;
  if (!WriteAll(fd, data)) err = "cannot write " + path.string() + ": " + std::strerror(errno);
  fchmod(fd, 0644);
  if (close(fd) != 0 && err.empty())
    err = "cannot write " + path.string() + ": " + std::strerror(errno);
  if (err.empty() && rename(temp, path.c_str()) != 0) {
    err = "cannot rename to " + path.string() + ": " + std::strerror(errno);
  }
  if (!err.empty()) unlink(temp);
  Unregister(slot);
  std::free(temp);
  return err;
}

}  // namespace cleaner
