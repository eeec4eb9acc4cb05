// The protocol's state machine: lifecycle, dispatch, and the document
// notifications. Checking and publishing are in workspace.cc, hover and
// code actions in actions.cc.
#include "lsp/server.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "lsp/server_internal.h"

namespace tfguard::lsp {
namespace fs = std::filesystem;
using nlohmann::json;

namespace params {

const json* member(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

std::optional<std::string> string(const json& obj, std::string_view key) {
  const json* v = member(obj, key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::optional<int64_t> integer(const json& obj, std::string_view key) {
  const json* v = member(obj, key);
  if (v == nullptr || !v->is_number_integer()) return std::nullopt;
  return v->get<int64_t>();
}

std::optional<LspPosition> position(const json& value) {
  auto line = integer(value, "line");
  auto character = integer(value, "character");
  if (!line || !character || *line < 0 || *character < 0) return std::nullopt;
  auto clamp = [](int64_t v) { return static_cast<uint32_t>(std::min<int64_t>(v, UINT32_MAX)); };
  return LspPosition{clamp(*line), clamp(*character)};
}

std::optional<LspRange> range(const json& value) {
  const json* start = member(value, "start");
  const json* end = member(value, "end");
  if (start == nullptr || end == nullptr) return std::nullopt;
  auto s = position(*start);
  auto e = position(*end);
  if (!s || !e) return std::nullopt;
  return LspRange{*s, *e};
}

std::optional<std::string> documentUri(const json& p) {
  const json* doc = member(p, "textDocument");
  return doc ? string(*doc, "uri") : std::nullopt;
}

}  // namespace params

json toJson(LspPosition position) { return {{"line", position.line}, {"character", position.character}}; }
json toJson(LspRange range) { return {{"start", toJson(range.start)}, {"end", toJson(range.end)}}; }

Server::Server(Send send, ServerOptions options)
    : send_(std::move(send)), options_(std::move(options)), documents_(options_.documents) {}

Server::~Server() = default;

void Server::handleFrames(std::vector<Frame> frames, Clock::time_point now) {
  std::vector<Incoming> batch;
  for (Frame& frame : frames) {
    std::string error = frame.error;
    std::optional<json> parsed;
    if (error.empty()) parsed = parseBody(frame.body, options_.framing.max_nesting, &error);
    if (!parsed) {
      log("dropped a message: " + error);
      send_(makeError(nullptr, ErrorCode::kParseError, error));
      continue;
    }
    batch.push_back(classify(std::move(*parsed)));
  }
  // Cancellations first: a request of this batch they name is not run.
  std::set<std::string> cancelled;
  for (const Incoming& in : batch) {
    if (in.kind != Incoming::Kind::kNotification || in.method != "$/cancelRequest") continue;
    if (const json* id = params::member(in.params, "id")) cancelled.insert(id->dump());
  }
  for (Incoming& in : batch) {
    if (exit_requested_) break;
    handle(std::move(in), cancelled, now);
  }
}

void Server::handle(Incoming in, const std::set<std::string>& cancelled, Clock::time_point now) {
  switch (in.kind) {
    case Incoming::Kind::kInvalid:
      send_(makeError(in.id, ErrorCode::kInvalidRequest, in.error));
      return;
    case Incoming::Kind::kResponse:
      return;  // the server sends no requests that need answers
    case Incoming::Kind::kRequest:
      if (cancelled.count(in.id.dump())) {
        send_(makeError(in.id, ErrorCode::kRequestCancelled, "the request was cancelled"));
        return;
      }
      try {
        handleRequest(in, now);
      } catch (const std::exception& e) {  // a bug: answer it and keep serving
        log(fmt::format("internal error in {}: {}", in.method, e.what()));
        send_(makeError(in.id, ErrorCode::kInternalError, e.what()));
      }
      return;
    case Incoming::Kind::kNotification:
      try {
        handleNotification(in, now);
      } catch (const std::exception& e) {
        log(fmt::format("internal error in {}: {}", in.method, e.what()));
      }
      return;
  }
}

void Server::handleRequest(const Incoming& in, Clock::time_point now) {
  (void)now;
  if (in.method == "initialize") {
    if (initialized_) {
      send_(makeError(in.id, ErrorCode::kInvalidRequest, "initialize was already sent"));
      return;
    }
    if (!in.params.is_object()) {
      send_(makeError(in.id, ErrorCode::kInvalidParams, "initialize needs InitializeParams"));
      return;
    }
    send_(makeResponse(in.id, initialize(in.params)));
    return;
  }
  if (!initialized_) {
    send_(makeError(in.id, ErrorCode::kServerNotInitialized, "the server is not initialized yet"));
    return;
  }
  if (shutdown_) {
    send_(makeError(in.id, ErrorCode::kInvalidRequest, "the server is shut down: only exit is accepted"));
    return;
  }
  std::optional<json> result;
  if (in.method == "shutdown") {
    shutdown_ = true;
    result = json(nullptr);
  } else if (in.method == "textDocument/hover") {
    result = hover(in.params);
  } else if (in.method == "textDocument/codeAction") {
    result = codeActions(in.params);
  } else {
    send_(makeError(in.id, ErrorCode::kMethodNotFound, fmt::format("unknown method {}", in.method)));
    return;
  }
  if (result) send_(makeResponse(in.id, std::move(*result)));
  else send_(makeError(in.id, ErrorCode::kInvalidParams, fmt::format("invalid parameters for {}", in.method)));
}

void Server::handleNotification(const Incoming& in, Clock::time_point now) {
  if (in.method == "exit") {
    exit_requested_ = true;
    return;
  }
  // Before initialize and after shutdown, notifications other than exit are dropped.
  if (!initialized_ || shutdown_) return;
  if (in.method == "textDocument/didOpen") didOpen(in.params, now);
  else if (in.method == "textDocument/didChange") didChange(in.params, now);
  else if (in.method == "textDocument/didSave") didSave(in.params, now);
  else if (in.method == "textDocument/didClose") didClose(in.params, now);
  // initialized, $/cancelRequest (handled per batch), $/setTrace and the
  // rest: nothing to do.
}

json Server::initialize(const json& p) {
  initialized_ = true;
  if (const json* caps = params::member(p, "capabilities"))
    if (const json* general = params::member(*caps, "general"))
      if (const json* encodings = params::member(*general, "positionEncodings"); encodings && encodings->is_array())
        if (std::find(encodings->begin(), encodings->end(), json("utf-8")) != encodings->end())
          encoding_ = PositionEncoding::kUtf8;
  if (const json* folders = params::member(p, "workspaceFolders"); folders && folders->is_array()) {
    for (const json& folder : *folders)
      if (auto uri = params::string(folder, "uri"))
        if (auto path = pathFromUri(*uri); path && path->is_absolute()) workspace_folders_.push_back(*path);
  }
  if (workspace_folders_.empty()) {
    if (auto uri = params::string(p, "rootUri")) {
      if (auto path = pathFromUri(*uri); path && path->is_absolute()) workspace_folders_.push_back(*path);
    } else if (auto root = params::string(p, "rootPath"); root && fs::path(*root).is_absolute()) {
      workspace_folders_.push_back(fs::path(*root).lexically_normal());
    }
  }
  if (const json* init = params::member(p, "initializationOptions")) {
    if (auto ms = params::integer(*init, "debounceMs"))
      options_.debounce = std::chrono::milliseconds(std::clamp<int64_t>(*ms, 0, 10000));
  }
  json capabilities = {
      {"positionEncoding", encoding_ == PositionEncoding::kUtf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"hoverProvider", true},
  };
  return {{"capabilities", std::move(capabilities)},
          {"serverInfo", {{"name", "tfguard"}, {"version", TFGUARD_VERSION}}}};
}

void Server::didOpen(const json& p, Clock::time_point now) {
  const json* doc = params::member(p, "textDocument");
  auto uri = doc ? params::string(*doc, "uri") : std::nullopt;
  auto text = doc ? params::string(*doc, "text") : std::nullopt;
  if (!uri || !text) return log("didOpen without textDocument.uri and text: ignored");
  TextDocument document{*uri, {}, params::integer(*doc, "version").value_or(0), std::move(*text)};
  if (auto path = pathFromUri(*uri); path && path->is_absolute()) document.path = *path;
  fs::path path = document.path;
  std::string error;
  if (!documents_.open(std::move(document), &error)) return showMessage(2, "tfguard: " + error);
  if (!path.empty()) schedule(path, now, {});
}

void Server::didChange(const json& p, Clock::time_point now) {
  auto uri = params::documentUri(p);
  const json* changes = params::member(p, "contentChanges");
  if (!uri || changes == nullptr || !changes->is_array()) return log("didChange without textDocument.uri and contentChanges: ignored");
  std::vector<TextChange> edits;
  for (const json& c : *changes) {
    auto text = params::string(c, "text");
    if (!text) return log("didChange with a change without text: ignored");
    TextChange edit{std::nullopt, std::move(*text)};
    if (const json* r = params::member(c, "range")) {
      edit.range = params::range(*r);
      if (!edit.range) return log("didChange with an invalid range: ignored");
    }
    edits.push_back(std::move(edit));
  }
  const TextDocument* before = documents_.find(*uri);
  fs::path path = before ? before->path : fs::path();
  const json* doc = params::member(p, "textDocument");
  int64_t version = params::integer(*doc, "version").value_or(before ? before->version + 1 : 0);
  std::string error;
  if (!documents_.change(*uri, version, edits, encoding_, &error)) {
    if (before == nullptr) return log(error);
    showMessage(2, "tfguard: " + error);  // dropped for its size
    return forget(*uri, path, now);
  }
  if (!path.empty()) schedule(path, now, options_.debounce);
}

void Server::didSave(const json& p, Clock::time_point now) {
  auto uri = params::documentUri(p);
  if (!uri) return;
  const TextDocument* doc = documents_.find(*uri);
  fs::path path = doc ? doc->path : pathFromUri(*uri).value_or(fs::path());
  if (path.empty() || !path.is_absolute()) return;
  if (path.filename() == settings::kSettingsFileName) {
    // New settings change every environment: they are read again (whatever
    // the file's time stamp says) and the next check is a full one.
    for (auto& [root, ws] : workspaces_) {
      if (!isInside(root, path.parent_path()) && !isInside(path, root)) continue;
      ws->settings.reset();
      ws->had_full_check = false;
    }
  }
  schedule(path, now, {});
}

void Server::didClose(const json& p, Clock::time_point now) {
  auto uri = params::documentUri(p);
  if (!uri) return;
  const TextDocument* doc = documents_.find(*uri);
  if (doc == nullptr) return log(fmt::format("didClose for {}, which is not open: ignored", *uri));
  fs::path path = doc->path;
  documents_.close(*uri);
  forget(*uri, path, now);
}

void Server::showMessage(int type, const std::string& text) {
  if (text == last_shown_error_) return;  // the same problem on every keystroke is shown once
  last_shown_error_ = text;
  send_(makeNotification("window/showMessage", {{"type", type}, {"message", text}}));
}

void Server::log(const std::string& text) { std::fprintf(stderr, "tfguard lsp: %s\n", text.c_str()); }

}  // namespace tfguard::lsp
