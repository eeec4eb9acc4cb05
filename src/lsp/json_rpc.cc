#include "lsp/json_rpc.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tfguard::lsp {
namespace {

constexpr std::string_view kLengthField = "content-length";

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Where the header block ends: the index after its blank line, or npos.
// Lines end in "\r\n" as the protocol says; a bare "\n" is accepted too.
size_t headerEnd(std::string_view buffer, size_t limit) {
  size_t scan = std::min(buffer.size(), limit + 4);
  for (size_t i = 0; i < scan; ++i) {
    if (buffer[i] != '\n') continue;
    if (i + 1 < buffer.size() && buffer[i + 1] == '\n') return i + 2;
    if (i + 2 < buffer.size() && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

// The value of Content-Length: decimal digits only, at most `max`.
std::optional<size_t> parseLength(std::string_view text, size_t max, std::string* error) {
  if (text.empty() || text.size() > 40 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    *error = fmt::format("Content-Length \"{}\" is not a number", text.substr(0, 40));
    return std::nullopt;
  }
  unsigned long long value = 0;
  for (char c : text) {
    if (value > (~0ull - 9) / 10) value = ~0ull;  // saturate: it is over the limit anyway
    else value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value > max) {
    *error = fmt::format("a message of {} bytes is over the limit of {} bytes", text, max);
    return std::nullopt;
  }
  return static_cast<size_t>(value);
}

// Where "content-length" (any case) starts in `buffer`, or npos.
size_t findLengthField(std::string_view buffer) {
  if (buffer.size() < kLengthField.size()) return std::string_view::npos;
  for (size_t i = 0; i + kLengthField.size() <= buffer.size(); ++i)
    if (equalsIgnoringCase(buffer.substr(i, kLengthField.size()), kLengthField)) return i;
  return std::string_view::npos;
}

// Whether brackets nest deeper than `limit` outside strings.
bool nestsDeeperThan(std::string_view text, size_t limit) {
  size_t depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

void MessageReader::feed(std::string_view bytes) { buffer_.append(bytes); }

std::optional<Frame> MessageReader::dropFrame(std::string why) {
  state_ = State::kResync;
  return Frame{{}, std::move(why)};
}

std::optional<Frame> MessageReader::readHeader() {
  size_t end = headerEnd(buffer_, limits_.max_header_bytes);
  if (end == std::string_view::npos) {
    if (buffer_.size() <= limits_.max_header_bytes) return std::nullopt;
    buffer_.clear();
    return dropFrame(fmt::format("no end of the message header within {} bytes", limits_.max_header_bytes));
  }
  if (end > limits_.max_header_bytes + 4) {
    buffer_.erase(0, end);
    return dropFrame(fmt::format("a message header over {} bytes", limits_.max_header_bytes));
  }
  std::string_view block(buffer_.data(), end);
  std::optional<size_t> length;
  std::string error;
  while (!block.empty() && error.empty()) {
    size_t eol = block.find('\n');
    std::string_view line = trim(block.substr(0, eol));
    block.remove_prefix(eol == std::string_view::npos ? block.size() : eol + 1);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      error = fmt::format("a header line without a colon: \"{}\"", line.substr(0, 40));
    } else if (equalsIgnoringCase(trim(line.substr(0, colon)), kLengthField)) {
      std::optional<size_t> value = parseLength(trim(line.substr(colon + 1)), limits_.max_body_bytes, &error);
      if (value && length && *value != *length) error = "two different Content-Length headers";
      if (value) length = value;
    }  // Content-Type and unknown fields are ignored, as the protocol allows.
  }
  buffer_.erase(0, end);
  if (error.empty() && !length) error = "a message without a Content-Length header";
  if (!error.empty()) return dropFrame(std::move(error));
  body_length_ = *length;
  state_ = State::kBody;
  return std::nullopt;
}

std::optional<Frame> MessageReader::next() {
  for (;;) {
    switch (state_) {
      case State::kResync: {
        // After a broken frame its body (if any) cannot be delimited: skip
        // to the next header. JSON never holds this text outside a string.
        size_t at = findLengthField(buffer_);
        if (at == std::string_view::npos) {
          size_t keep = std::min(buffer_.size(), kLengthField.size() - 1);
          buffer_.erase(0, buffer_.size() - keep);
          return std::nullopt;
        }
        buffer_.erase(0, at);
        state_ = State::kHeader;
        break;
      }
      case State::kHeader: {
        size_t before = buffer_.size();
        if (auto dropped = readHeader()) return dropped;
        if (state_ == State::kHeader && buffer_.size() == before) return std::nullopt;  // needs more bytes
        break;
      }
      case State::kBody: {
        if (buffer_.size() < body_length_) return std::nullopt;
        Frame frame{buffer_.substr(0, body_length_), {}};
        buffer_.erase(0, body_length_);
        state_ = State::kHeader;
        return frame;
      }
    }
  }
}

std::string encodeMessage(const nlohmann::json& message) {
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return fmt::format("Content-Length: {}\r\n\r\n", body.size()) + body;
}

std::optional<nlohmann::json> parseBody(std::string_view body, size_t max_nesting, std::string* error) {
  if (nestsDeeperThan(body, max_nesting)) {
    *error = fmt::format("JSON nested deeper than {} levels", max_nesting);
    return std::nullopt;
  }
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    *error = "the message is not valid JSON";
    return std::nullopt;
  }
  return parsed;
}

Incoming classify(nlohmann::json message) {
  Incoming in;
  if (!message.is_object()) {
    in.error = message.is_array() ? "batches are not supported" : "a message must be a JSON object";
    return in;
  }
  auto id = message.find("id");
  bool has_id = id != message.end();
  if (has_id) {
    if (!id->is_string() && !id->is_number_integer() && !id->is_null()) {
      in.error = "\"id\" must be a string or an integer";
      return in;
    }
    in.id = *id;
  }
  auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    in.error = "\"jsonrpc\" must be \"2.0\"";
    return in;
  }
  auto method = message.find("method");
  if (method == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) in.kind = Incoming::Kind::kResponse;
    else in.error = "a message needs a \"method\" (or, for a response, \"result\" or \"error\")";
    return in;
  }
  if (!method->is_string()) {
    in.error = "\"method\" must be a string";
    return in;
  }
  auto params = message.find("params");
  if (params != message.end() && !params->is_null()) {  // null: as if left out, as some clients send it
    if (!params->is_object() && !params->is_array()) {
      in.error = "\"params\" must be an object or an array";
      return in;
    }
    in.params = std::move(*params);
  }
  in.method = method->get<std::string>();
  in.kind = has_id ? Incoming::Kind::kRequest : Incoming::Kind::kNotification;
  return in;
}

nlohmann::json makeResponse(const nlohmann::json& id, nlohmann::json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json makeError(const nlohmann::json& id, ErrorCode code, std::string_view message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", static_cast<int>(code)}, {"message", std::string(message)}}}};
}

nlohmann::json makeNotification(std::string_view method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", std::move(params)}};
}

}  // namespace tfguard::lsp
