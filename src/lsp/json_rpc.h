#pragma once
// JSON-RPC 2.0 as the Language Server Protocol frames it: a header block
// (`Content-Length: N`, optionally `Content-Type`) and N bytes of JSON. The
// reader is fed whatever read() returned and hands out whole messages; a
// broken frame (bad or missing length, a header or body over the limits) is
// reported and skipped, and the reader finds the next header, so one bad
// message never ends the session.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tfguard::lsp {

/// JSON-RPC and LSP error codes.
enum class ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestCancelled = -32800,
};

struct FramingLimits {
  size_t max_header_bytes = 8 * 1024;
  size_t max_body_bytes = 64u * 1024 * 1024;
  /// Deeper JSON is refused before it is parsed: the parser and the
  /// destructor are iterative, but nothing here needs more than a few levels.
  size_t max_nesting = 256;
};

/// What the reader produced: a message body, or why a frame was dropped.
struct Frame {
  std::string body;   ///< the JSON text, when `error` is empty
  std::string error;  ///< "Content-Length is missing", ...
};

class MessageReader {
 public:
  explicit MessageReader(FramingLimits limits = {}) : limits_(limits) {}

  /// Appends bytes read from the stream.
  void feed(std::string_view bytes);
  /// The next complete frame; nullopt when more bytes are needed.
  std::optional<Frame> next();
  /// Whether part of a message is buffered (an end of input there is abrupt).
  bool midMessage() const { return !buffer_.empty() || state_ == State::kBody; }

 private:
  enum class State : uint8_t { kHeader, kBody, kResync };
  std::optional<Frame> readHeader();
  std::optional<Frame> dropFrame(std::string why);

  FramingLimits limits_;
  State state_ = State::kHeader;
  std::string buffer_;
  size_t body_length_ = 0;
};

/// The bytes of one message: header and compact JSON. Invalid UTF-8 in
/// strings (a file's bytes quoted in a message) is replaced, never thrown.
std::string encodeMessage(const nlohmann::json& message);

/// Parses a frame body; nullopt with `*error` on invalid JSON or nesting
/// deeper than the limit. Never throws.
std::optional<nlohmann::json> parseBody(std::string_view body, size_t max_nesting, std::string* error);

/// What a parsed message is (JSON-RPC 2.0 §4-5).
struct Incoming {
  enum class Kind : uint8_t { kRequest, kNotification, kResponse, kInvalid } kind = Kind::kInvalid;
  nlohmann::json id;  ///< kRequest; kInvalid: the id when one could be read, else null
  std::string method;
  nlohmann::json params;  ///< object, array or null
  std::string error;      ///< kInvalid: why
};
Incoming classify(nlohmann::json message);

nlohmann::json makeResponse(const nlohmann::json& id, nlohmann::json result);
nlohmann::json makeError(const nlohmann::json& id, ErrorCode code, std::string_view message);
nlohmann::json makeNotification(std::string_view method, nlohmann::json params);

}  // namespace tfguard::lsp
