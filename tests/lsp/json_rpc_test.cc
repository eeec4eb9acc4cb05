// Content-Length framing: split reads, several messages in one read, and
// broken frames that are reported and skipped without losing the next one.
#include "lsp/json_rpc.h"

#include <gtest/gtest.h>

#include <vector>

namespace tfguard::lsp {
namespace {

std::string frame(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

// Everything the reader hands out: bodies as they are, errors as "!" + why.
std::vector<std::string> drain(MessageReader& reader) {
  std::vector<std::string> out;
  while (auto f = reader.next()) out.push_back(f->error.empty() ? f->body : "!" + f->error);
  return out;
}

TEST(JsonRpcFraming, OneByteAtATime) {
  MessageReader reader;
  std::string bytes = frame(R"({"a":1})") + frame(R"({"b":2})");
  std::vector<std::string> got;
  for (char c : bytes) {
    reader.feed(std::string_view(&c, 1));
    for (auto& s : drain(reader)) got.push_back(s);
  }
  EXPECT_EQ(got, (std::vector<std::string>{R"({"a":1})", R"({"b":2})"}));
  EXPECT_FALSE(reader.midMessage());
}

TEST(JsonRpcFraming, SeveralMessagesInOneRead) {
  MessageReader reader;
  reader.feed(frame("[1]") + frame("[2]") + frame("[3]").substr(0, 10));
  EXPECT_EQ(drain(reader), (std::vector<std::string>{"[1]", "[2]"}));
  EXPECT_TRUE(reader.midMessage());
  reader.feed(frame("[3]").substr(10));
  EXPECT_EQ(drain(reader), (std::vector<std::string>{"[3]"}));
}

TEST(JsonRpcFraming, ContentTypeAndCaseAndBareNewlines) {
  MessageReader reader;
  reader.feed("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  reader.feed("Content-Length:3\n\n[1]");
  EXPECT_EQ(drain(reader), (std::vector<std::string>{"{}", "[1]"}));
}

TEST(JsonRpcFraming, BadContentLengthIsReportedAndTheNextMessageRead) {
  MessageReader reader;
  reader.feed("Content-Length: twelve\r\n\r\n{\"x\":1}" + frame("[7]"));
  auto got = drain(reader);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "!Content-Length \"twelve\" is not a number");
  EXPECT_EQ(got[1], "[7]");
}

TEST(JsonRpcFraming, MissingHeader) {
  MessageReader reader;
  reader.feed("Content-Type: text/plain\r\n\r\n{}" + frame("[8]"));
  auto got = drain(reader);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "!a message without a Content-Length header");
  EXPECT_EQ(got[1], "[8]");
}

TEST(JsonRpcFraming, GarbageWithoutHeaderEndIsBounded) {
  FramingLimits limits;
  limits.max_header_bytes = 64;
  MessageReader reader(limits);
  reader.feed(std::string(1000, 'x'));
  auto got = drain(reader);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].substr(0, 1), "!");
  reader.feed(std::string(5000, 'y') + frame("[9]"));
  EXPECT_EQ(drain(reader), (std::vector<std::string>{"[9]"}));
}

TEST(JsonRpcFraming, HugeLengthIsRefusedAndSkipped) {
  FramingLimits limits;
  limits.max_body_bytes = 100;
  MessageReader reader(limits);
  reader.feed("Content-Length: 99999999999999999999999\r\n\r\n");
  reader.feed("Content-Length: 101\r\n\r\n" + std::string(101, ' ') + frame("[10]"));
  auto got = drain(reader);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "!a message of 99999999999999999999999 bytes is over the limit of 100 bytes");
  EXPECT_EQ(got[1], "!a message of 101 bytes is over the limit of 100 bytes");
  EXPECT_EQ(got[2], "[10]");
}

TEST(JsonRpcBody, InvalidJsonAndDeepNesting) {
  std::string error;
  EXPECT_FALSE(parseBody("{\"a\":", 10, &error));
  EXPECT_EQ(error, "the message is not valid JSON");
  EXPECT_FALSE(parseBody(std::string(100, '[') + std::string(100, ']'), 10, &error));
  EXPECT_EQ(error, "JSON nested deeper than 10 levels");
  EXPECT_TRUE(parseBody(R"({"s":"[[[[[[[[[[[[[[[["})", 10, &error));  // brackets in strings do not count
  EXPECT_FALSE(parseBody("\"\xff\"", 10, &error));                       // invalid UTF-8
}

TEST(JsonRpcClassify, Kinds) {
  using K = Incoming::Kind;
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":1,"method":"m"})"_json).kind, K::kRequest);
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":"x","method":"m","params":[]})"_json).kind, K::kRequest);
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","method":"m","params":{}})"_json).kind, K::kNotification);
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":2,"method":"shutdown","params":null})"_json).kind, K::kRequest);
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":1,"result":null})"_json).kind, K::kResponse);
  Incoming bad_params = classify(R"({"jsonrpc":"2.0","id":3,"method":"m","params":5})"_json);
  EXPECT_EQ(bad_params.kind, K::kInvalid);
  EXPECT_EQ(bad_params.id, 3);
  EXPECT_EQ(classify(R"({"id":1,"method":"m"})"_json).kind, K::kInvalid);  // no "jsonrpc"
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":1.5,"method":"m"})"_json).kind, K::kInvalid);
  EXPECT_EQ(classify(R"([1,2])"_json).kind, K::kInvalid);
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":1,"method":7})"_json).kind, K::kInvalid);
}

TEST(JsonRpcEncode, InvalidUtf8IsReplacedNotThrown) {
  std::string bytes = encodeMessage(makeNotification("m", {{"text", "a\xff" "b"}}));
  EXPECT_NE(bytes.find("a\xEF\xBF\xBD" "b"), std::string::npos);
  MessageReader reader;
  reader.feed(bytes);
  auto got = drain(reader);
  ASSERT_EQ(got.size(), 1u);
  std::string error;
  EXPECT_TRUE(parseBody(got[0], 10, &error)) << error;
}

}  // namespace
}  // namespace tfguard::lsp
