#include "cleaner/cli/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
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

// When `path` is a regular file (not a symlink, a pipe or a hard link) with
// the mode a new output gets (0644) that holds exactly `data`, sets its times to
// now and returns true: the result is what a rewrite would leave, without a new
// inode. O_NONBLOCK: opening a FIFO must not wait for a writer.
bool TouchIfHoldsExactly(const std::filesystem::path& path, std::string_view data) {
  const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0644 &&
              st.st_nlink == 1 && static_cast<std::uint64_t>(st.st_size) == data.size();
  char buffer[1 << 16];
  while (same && !data.empty()) {
    const ssize_t n = read(fd, buffer, std::min(sizeof buffer, data.size()));
    if (n < 0 && errno == EINTR) continue;
    same = n > 0 && std::memcmp(buffer, data.data(), static_cast<std::size_t>(n)) == 0;
    if (same) data.remove_prefix(static_cast<std::size_t>(n));
  }
  same = same && futimens(fd, nullptr) == 0;  // through the descriptor checked
  close(fd);
  return same;
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

std::string AtomicFile::Open(const std::filesystem::path& path) {
  Discard();
  path_ = path;
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return "cannot create folder " + path.parent_path().string() + ": " + ec.message();
  }
  std::string hidden_name = ".";  // appended, not "." + ...: GCC 12 warns falsely on that
  hidden_name += path.filename().string();
  hidden_name += ".tmp-XXXXXX";
  std::string tmpl = (path.parent_path() / hidden_name).string();
  temp_ = strdup(tmpl.c_str());
  if (temp_ == nullptr) return "out of memory";
  fd_ = mkstemp(temp_);
  if (fd_ < 0) {
    std::string err = "cannot create " + tmpl + ": " + std::strerror(errno);
    std::free(temp_);
    temp_ = nullptr;
    return err;
  }
  slot_ = Register(temp_);
  fchmod(fd_, 0644);
  return "";
}

std::string AtomicFile::Append(std::string_view data) {
  if (fd_ < 0) return "cannot write " + path_.string() + ": not open";
  if (!WriteAll(fd_, data)) return "cannot write " + path_.string() + ": " + std::strerror(errno);
  return "";
}

std::string AtomicFile::Commit() {
  if (fd_ < 0) return "cannot write " + path_.string() + ": not open";
  std::string err;
  if (close(fd_) != 0) err = "cannot write " + path_.string() + ": " + std::strerror(errno);
  fd_ = -1;
  if (err.empty() && rename(temp_, path_.c_str()) != 0) {
    err = "cannot rename to " + path_.string() + ": " + std::strerror(errno);
  }
  if (err.empty()) {
    Unregister(slot_);
    slot_ = -1;
    std::free(temp_);
    temp_ = nullptr;
  } else {
    Discard();
  }
  return err;
}

void AtomicFile::Discard() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  if (temp_ != nullptr) {
    unlink(temp_);
    Unregister(slot_);
    slot_ = -1;
    std::free(temp_);
    temp_ = nullptr;
  }
}

AtomicFile::~AtomicFile() { Discard(); }

std::string WriteFileAtomically(const std::filesystem::path& path, std::string_view data) {
  // A re-run that gives the same output only touches the file: creating and
  // renaming a new inode per document costs more system time than cleaning it.
  if (TouchIfHoldsExactly(path, data)) return "";
  AtomicFile file;
  if (std::string err = file.Open(path); !err.empty()) return err;
  if (std::string err = file.Append(data); !err.empty()) return err;
  return file.Commit();
}

}  // namespace cleaner
