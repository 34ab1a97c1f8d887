#include "cleaner/cli/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace cleaner {
namespace {

constexpr std::size_t kChunk = 1 << 16;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string Trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// "text/html; charset=UTF-8" -> "utf-8"
std::string CharsetOf(const std::string& content_type) {
  std::string lower = Lower(content_type);
  std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string v = lower.substr(at + 8);
  v = v.substr(0, v.find_first_of("; \t"));
  v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
  v.erase(std::remove(v.begin(), v.end(), '\''), v.end());
  return v;
}

// Decodes an HTTP chunked body; returns false when it is not well-formed.
bool Dechunk(std::string_view body, std::string& out) {
  out.clear();
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t eol = body.find("\r\n", pos);
    if (eol == std::string_view::npos) return false;
    std::string size_line(body.substr(pos, eol - pos));
    size_line = size_line.substr(0, size_line.find(';'));
    char* end = nullptr;
    unsigned long size = std::strtoul(size_line.c_str(), &end, 16);
    if (end == size_line.c_str()) return false;
    pos = eol + 2;
    if (size == 0) return true;
    if (pos + size > body.size()) return false;
    out.append(body.substr(pos, size));
    pos += size + 2;
  }
  return true;
}

// Splits an HTTP response into headers and body; fills charset and content type.
void ParseHttpResponse(std::string& block, WarcRecord& record) {
  std::size_t end = block.find("\r\n\r\n");
  std::size_t sep = 4;
  if (end == std::string::npos) {
    end = block.find("\n\n");
    sep = 2;
  }
  if (end == std::string::npos) {
    record.error = "HTTP response without a header end";
    return;
  }
  std::string_view headers(block.data(), end);
  bool chunked = false;
  std::size_t pos = 0;
  while (pos < headers.size()) {
    std::size_t eol = headers.find('\n', pos);
    if (eol == std::string_view::npos) eol = headers.size();
    std::string_view line = headers.substr(pos, eol - pos);
    pos = eol + 1;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = Lower(std::string(line.substr(0, colon)));
    std::string value = Trim(line.substr(colon + 1));
    if (name == "content-type") {
      record.content_type = value;
      record.charset = CharsetOf(value);
    } else if (name == "transfer-encoding" && Lower(value).find("chunked") != std::string::npos) {
      chunked = true;
    }
  }
  std::string_view body(block.data() + end + sep, block.size() - end - sep);
  std::string decoded;
  if (chunked && Dechunk(body, decoded)) {
    record.payload = std::move(decoded);
  } else {
    record.payload.assign(body);
  }
}

}  // namespace

WarcReader::~WarcReader() {
  if (zs_ready_) inflateEnd(&zs_);
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
}

std::string WarcReader::Open(const std::string& path) {
  if (path == "-") {
    file_ = stdin;
  } else {
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr) return std::string("cannot open: ") + std::strerror(errno);
    owns_file_ = true;
  }
  // Sniff gzip from the first two bytes.
  int b1 = std::fgetc(file_);
  int b2 = b1 == EOF ? EOF : std::fgetc(file_);
  if (b1 != EOF) in_.push_back(static_cast<char>(b1));
  if (b2 != EOF) in_.push_back(static_cast<char>(b2));
  gzip_ = b1 == 0x1f && b2 == 0x8b;
  if (gzip_) {
    if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) return "zlib init failed";
    zs_ready_ = true;
  } else {
    out_ = std::move(in_);
    in_.clear();
  }
  return "";
}

bool WarcReader::Fill() {
  if (eof_) return false;
  out_.erase(0, out_pos_);
  out_pos_ = 0;
  if (!gzip_) {
    char buf[kChunk];
    std::size_t n = std::fread(buf, 1, sizeof buf, file_);
    if (n == 0) {
      eof_ = true;
      return false;
    }
    out_.append(buf, n);
    return true;
  }
  std::size_t before = out_.size();
  while (out_.size() == before) {
    if (zs_.avail_in == 0) {
      char buf[kChunk];
      std::size_t n = std::fread(buf, 1, sizeof buf, file_);
      if (n == 0 && in_.empty()) {
        eof_ = true;
        return false;
      }
      in_.append(buf, n);
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
      zs_.avail_in = static_cast<uInt>(in_.size());
    }
    char obuf[kChunk];
    zs_.next_out = reinterpret_cast<Bytef*>(obuf);
    zs_.avail_out = sizeof obuf;
    int rc = inflate(&zs_, Z_NO_FLUSH);
    out_.append(obuf, sizeof obuf - zs_.avail_out);
    // Keep only the unread compressed bytes.
    std::size_t consumed = in_.size() - zs_.avail_in;
    in_.erase(0, consumed);
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    if (rc == Z_STREAM_END) {
      inflateReset(&zs_);  // the next gzip member (one per record in Common Crawl)
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      eof_ = true;  // corrupt data: stop with what was decoded
      return out_.size() > before;
    } else if (rc == Z_BUF_ERROR && zs_.avail_in == 0 && std::feof(file_) && in_.empty()) {
      eof_ = true;  // truncated file
      return out_.size() > before;
    }
  }
  return true;
}

int WarcReader::GetByte() {
  if (out_pos_ >= out_.size() && !Fill()) return EOF;
  return static_cast<unsigned char>(out_[out_pos_++]);
}

bool WarcReader::ReadLine(std::string& line) {
  line.clear();
  for (;;) {
    if (out_pos_ >= out_.size() && !Fill()) return !line.empty();
    const char* start = out_.data() + out_pos_;
    const void* nl = std::memchr(start, '\n', out_.size() - out_pos_);
    if (nl != nullptr) {
      std::size_t n = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
      line.append(start, n);
      out_pos_ += n + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    line.append(start, out_.size() - out_pos_);
    out_pos_ = out_.size();
    if (line.size() > 1 << 20) return true;  // not a header line; caller resyncs
  }
}

bool WarcReader::ReadBytes(std::size_t n, std::string& out) {
  out.clear();
  while (out.size() < n) {
    if (out_pos_ >= out_.size() && !Fill()) return false;
    std::size_t take = std::min(n - out.size(), out_.size() - out_pos_);
    out.append(out_.data() + out_pos_, take);
    out_pos_ += take;
  }
  return true;
}

bool WarcReader::SkipBytes(std::size_t n) {
  while (n > 0) {
    if (out_pos_ >= out_.size() && !Fill()) return false;
    std::size_t take = std::min(n, out_.size() - out_pos_);
    out_pos_ += take;
    n -= take;
  }
  return true;
}

bool WarcReader::Next(WarcRecord& record) {
  std::string line;
  for (;;) {
    record = WarcRecord{};
    // Find the next record header.
    do {
      if (!ReadLine(line)) return false;
    } while (!line.starts_with("WARC/"));
    std::size_t length = 0;
    bool has_length = false;
    while (ReadLine(line) && !line.empty()) {
      std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = Lower(line.substr(0, colon));
      std::string value = Trim(std::string_view(line).substr(colon + 1));
      if (name == "warc-type")
        record.type = value;
      else if (name == "warc-record-id")
        record.record_id = value;
      else if (name == "warc-target-uri")
        record.url = value;
      else if (name == "content-type" && record.content_type.empty())
        record.content_type = value;
      else if (name == "content-length") {
        char* end = nullptr;
        unsigned long long v = std::strtoull(value.c_str(), &end, 10);
        has_length = end != value.c_str();
        length = static_cast<std::size_t>(v);
      }
    }
    bool wanted = record.type == "response" || record.type == "conversion";
    if (!has_length) {
      if (!wanted) continue;
      record.error = "record without Content-Length";
      return true;
    }
    if (!wanted || length > kMaxRecordBytes) {
      if (!SkipBytes(length)) return false;
      if (!wanted) continue;
      record.error = "record of " + std::to_string(length) + " bytes is over the " +
                     std::to_string(kMaxRecordBytes) + "-byte limit; skipped";
      return true;
    }
    std::string block;
    if (!ReadBytes(length, block)) {
      record.error = "truncated record (file ends inside it)";
      return true;
    }
    if (record.type == "conversion") {
      record.payload = std::move(block);
      record.charset = CharsetOf(record.content_type);
    } else {
      ParseHttpResponse(block, record);
    }
    return true;
  }
}

}  // namespace cleaner
