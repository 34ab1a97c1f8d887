// Reads WARC and WET files as Common Crawl ships them: plain, or gzip with one
// member per record (any number of members), with zlib. Yields the records a
// cleaner wants: `response` records (HTTP headers stripped, chunked bodies
// decoded, charset from the HTTP Content-Type) and WET `conversion` records
// (plain text); other types are skipped. A malformed record is returned with
// `error` set and reading resumes at the next "WARC/" header line.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include <zlib.h>

namespace cleaner {

struct WarcRecord {
  std::string type;       // "response" | "conversion" | ... (only those two are returned)
  std::string record_id;  // WARC-Record-ID
  std::string url;        // WARC-Target-URI
  std::string charset;    // from the HTTP Content-Type, lowercased ("" if none)
  std::string content_type;
  std::string payload;  // the page: HTML (response) or text (conversion)
  std::string error;    // non-empty: this record could not be read
};

class WarcReader {
 public:
  // Records larger than this are skipped with an error (memory stays bounded).
  static constexpr std::size_t kMaxRecordBytes = 64u << 20;

  WarcReader() = default;
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Opens a file ("-" = stdin); gzip is detected from the bytes. Error or "".
  std::string Open(const std::string& path);

  // Next response/conversion record; false at the end of the file.
  bool Next(WarcRecord& record);

 private:
  bool ReadLine(std::string& line);  // up to and without "\r\n" / "\n"
  bool ReadBytes(std::size_t n, std::string& out);
  bool SkipBytes(std::size_t n);
  int GetByte();
  bool Fill();

  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool gzip_ = false;
  bool eof_ = false;
  z_stream zs_{};
  bool zs_ready_ = false;
  std::string in_;   // compressed (or raw) input buffer
  std::string out_;  // decoded bytes not yet consumed
  std::size_t out_pos_ = 0;
};

}  // namespace cleaner
