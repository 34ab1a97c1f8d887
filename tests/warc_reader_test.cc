// WARC / WET reading: response and conversion records, plain or multi-member
// gzip; other record types skipped; a malformed record is returned with an
// error and reading goes on.
#include "cleaner/cli/warc_reader.h"

#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/scratch_dir.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

// One WARC record: version line, headers, Content-Length, blank line, block, CRLFCRLF.
std::string Record(const std::string& type, const std::string& headers, const std::string& block) {
  std::string r("WARC/1.0\r\nWARC-Type: ");
  r.append(type).append("\r\n").append(headers);
  r.append("Content-Length: ").append(std::to_string(block.size())).append("\r\n\r\n");
  r.append(block).append("\r\n\r\n");
  return r;
}

std::string HttpResponse(const std::string& headers, const std::string& body) {
  std::string r("HTTP/1.1 200 OK\r\n");
  r.append(headers).append("\r\n").append(body);
  return r;
}

const std::string kChunkedHtml = HttpResponse(
    "Content-Type: text/html; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\n",
    "5\r\n<p>hi\r\n7;ext=1\r\n there.\r\n0\r\n\r\n");

std::string SampleWarc() {
  std::string w;
  w.append(Record("warcinfo", "WARC-Record-ID: <urn:uuid:0>\r\n", "software: test\r\n"));
  w.append(Record("request", "WARC-Target-URI: https://example.com/a\r\n",
                  "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"));
  w.append(Record("response",
                  "WARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: https://example.com/a\r\n"
                  "Content-Type: application/http; msgtype=response\r\n",
                  kChunkedHtml));
  w.append(Record("conversion",
                  "WARC-Record-ID: <urn:uuid:2>\r\nWARC-Target-URI: https://example.com/b\r\n"
                  "Content-Type: text/plain\r\n",
                  "Plain text of page b.\nSecond line."));
  return w;
}

class WarcReaderTest : public testing_support::ScratchDirTest {
 protected:
  std::string WritePlain(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  // One gzip member per piece, as Common Crawl writes one per record.
  std::string WriteGzip(const std::string& name, const std::vector<std::string>& members) {
    fs::path p = dir_ / name;
    bool first = true;
    for (const std::string& m : members) {
      gzFile gz = gzopen(p.c_str(), first ? "wb" : "ab");
      EXPECT_NE(gz, nullptr);
      EXPECT_EQ(gzwrite(gz, m.data(), static_cast<unsigned>(m.size())), static_cast<int>(m.size()));
      gzclose(gz);
      first = false;
    }
    return p.string();
  }
  static std::vector<WarcRecord> ReadAll(const std::string& path) {
    WarcReader reader;
    EXPECT_EQ(reader.Open(path), "");
    std::vector<WarcRecord> out;
    WarcRecord r;
    while (reader.Next(r)) out.push_back(r);
    return out;
  }
};

void ExpectSample(const std::vector<WarcRecord>& records) {
  ASSERT_EQ(records.size(), 2u);
  const WarcRecord& html = records[0];
  EXPECT_EQ(html.type, "response");
  EXPECT_EQ(html.record_id, "<urn:uuid:1>");
  EXPECT_EQ(html.url, "https://example.com/a");
  EXPECT_EQ(html.charset, "iso-8859-1");
  EXPECT_EQ(html.content_type, "text/html; charset=\"ISO-8859-1\"");
  EXPECT_EQ(html.payload, "<p>hi there.");
  EXPECT_TRUE(html.error.empty());
  const WarcRecord& text = records[1];
  EXPECT_EQ(text.type, "conversion");
  EXPECT_EQ(text.url, "https://example.com/b");
  EXPECT_EQ(text.payload, "Plain text of page b.\nSecond line.");
  EXPECT_TRUE(text.error.empty());
}

TEST_F(WarcReaderTest, PlainFile) { ExpectSample(ReadAll(WritePlain("a.warc", SampleWarc()))); }

TEST_F(WarcReaderTest, MultiMemberGzip) {
  std::vector<std::string> members;
  members.push_back(Record("warcinfo", "", "software: test\r\n"));
  members.push_back(Record("request", "", "GET / HTTP/1.1\r\n\r\n"));
  members.push_back(Record("response",
                           "WARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: "
                           "https://example.com/a\r\n",
                           kChunkedHtml));
  members.push_back(Record("conversion",
                           "WARC-Record-ID: <urn:uuid:2>\r\nWARC-Target-URI: "
                           "https://example.com/b\r\nContent-Type: text/plain\r\n",
                           "Plain text of page b.\nSecond line."));
  ExpectSample(ReadAll(WriteGzip("a.warc.gz", members)));
}

TEST_F(WarcReaderTest, SingleMemberGzip) {
  ExpectSample(ReadAll(WriteGzip("one.warc.gz", {SampleWarc()})));
}

TEST_F(WarcReaderTest, UnchunkedAndLfOnlyHttpHeaders) {
  std::string w = Record("response", "WARC-Target-URI: http://x.org/\r\n",
                         "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<html>body</html>");
  std::vector<WarcRecord> records = ReadAll(WritePlain("lf.warc", w));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].payload, "<html>body</html>");
  EXPECT_EQ(records[0].charset, "");
  EXPECT_EQ(records[0].content_type, "text/html");
}

TEST_F(WarcReaderTest, MalformedChunkingKeepsTheRawBody) {
  const std::string body = "zz\r\nnot chunked at all";
  std::string w = Record("response", "", HttpResponse("Transfer-Encoding: chunked\r\n", body));
  std::vector<WarcRecord> records = ReadAll(WritePlain("badchunk.warc", w));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].payload, body);
}

TEST_F(WarcReaderTest, ResponseWithoutHeaderEndIsAnError) {
  std::string w = Record("response", "", "HTTP/1.1 200 OK\r\nContent-Type: text/html");
  w.append(Record("conversion", "", "next"));
  std::vector<WarcRecord> records = ReadAll(WritePlain("nohdr.warc", w));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_NE(records[0].error, "");
  EXPECT_EQ(records[1].payload, "next");
}

TEST_F(WarcReaderTest, MissingContentLengthIsAnErrorAndReadingGoesOn) {
  std::string w("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n\r\n");
  w.append("HTTP/1.1 200 OK\r\n\r\nlost\r\n\r\n");
  w.append(Record("conversion", "WARC-Target-URI: http://y/\r\n", "found"));
  std::vector<WarcRecord> records = ReadAll(WritePlain("nolen.warc", w));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_NE(records[0].error.find("Content-Length"), std::string::npos) << records[0].error;
  EXPECT_EQ(records[1].url, "http://y/");
  EXPECT_EQ(records[1].payload, "found");
}

TEST_F(WarcReaderTest, TruncatedRecordIsAnError) {
  std::string w = Record("conversion", "", "complete");
  w.append("WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 1000\r\n\r\nshort");
  std::vector<WarcRecord> records = ReadAll(WritePlain("trunc.warc", w));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].payload, "complete");
  EXPECT_NE(records[1].error.find("truncated"), std::string::npos) << records[1].error;
}

TEST_F(WarcReaderTest, EmptyFileHasNoRecords) {
  EXPECT_TRUE(ReadAll(WritePlain("empty.warc", "")).empty());
}

TEST_F(WarcReaderTest, OpenMissingFileIsAnError) {
  WarcReader reader;
  EXPECT_NE(reader.Open((dir_ / "missing.warc").string()), "");
}

}  // namespace
}  // namespace cleaner
