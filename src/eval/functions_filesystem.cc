// Filesystem functions (Terraform's lang/funcs/filesystem.go and the file
// hashes of crypto.go): basename, dirname, abspath, pathexpand, file,
// fileexists, fileset, filebase64, filemd5, filesha1, filesha256,
// filesha512, filebase64sha256, filebase64sha512. templatefile is the
// evaluator's.
//
// Paths are handled lexically as Go's path/filepath does on Unix; the real
// filesystem is never touched: files are read through ctx.read_file and
// listed through ctx.list_files, and when the context has no such callback
// the result is unknown. Where Terraform reads relative paths against the
// module directory (file, fileexists, fileset, file hashes), so do we, with
// ctx.module_dir.
//
// Divergences, deliberate:
//   - abspath: Terraform resolves against the process working directory (the
//     root module's directory); here a relative path is resolved against
//     ctx.module_dir, lexically, and is unknown when module_dir is empty.
//   - pathexpand, and "~" paths given to the file functions: Terraform
//     expands "~" to the home directory of whoever runs it. A linter must
//     not depend on that, so such results are unknown ("~user" is still the
//     error Terraform reports).
//   - ctx.read_file returning nullopt: with an empty error message that
//     means "no such file" (Terraform's "no file exists at ..." error, or
//     false for fileexists); with a message, that message is the error.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/unicode_nfc.h"
#include "base/utf8.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace detail {
// functions_encoding.cc
std::string base64Encode(std::string_view bytes);
std::string goQuote(std::string_view s);
// functions_hash.cc
std::string md5Digest(std::string_view data);
std::string sha1Digest(std::string_view data);
std::string sha256Digest(std::string_view data);
std::string sha512Digest(std::string_view data);
std::string hexLower(std::string_view bytes);
}  // namespace detail

namespace {

FunctionResult ok(Value v) { return {std::move(v), {}, -1}; }

/// Go's filepath.Clean (Unix): the shortest equivalent path, lexically.
std::string cleanPath(std::string_view path) {
  if (path.empty()) return ".";
  bool rooted = path[0] == '/';
  size_t n = path.size();
  std::string out;
  size_t r = 0, dotdot = 0;
  if (rooted) {
    out.push_back('/');
    r = dotdot = 1;
  }
  while (r < n) {
    if (path[r] == '/') {
      ++r;
    } else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/')) {
      ++r;
    } else if (path[r] == '.' && r + 1 < n && path[r + 1] == '.' &&
               (r + 2 == n || path[r + 2] == '/')) {
      r += 2;
      if (out.size() > dotdot) {
        size_t w = out.size() - 1;
        while (w > dotdot && out[w] != '/') --w;
        out.resize(w);
      } else if (!rooted) {
        if (!out.empty()) out.push_back('/');
        out += "..";
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && !out.empty())) out.push_back('/');
      for (; r < n && path[r] != '/'; ++r) out.push_back(path[r]);
    }
  }
  if (out.empty()) return ".";
  return out;
}

/// filepath.Join of two elements.
std::string joinPath(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return "";
  if (a.empty()) return cleanPath(b);
  if (b.empty()) return cleanPath(a);
  return cleanPath(std::string(a) + "/" + std::string(b));
}

std::string basePath(std::string_view path) {
  if (path.empty()) return ".";
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t i = path.rfind('/');
  if (i != std::string_view::npos) path = path.substr(i + 1);
  if (path.empty()) return "/";
  return std::string(path);
}

std::string dirPath(std::string_view path) {
  size_t i = path.rfind('/');
  return cleanPath(i == std::string_view::npos ? std::string_view{} : path.substr(0, i + 1));
}

bool isAbs(std::string_view path) { return !path.empty() && path[0] == '/'; }

bool validUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int n = utf8::decode(s, i, &cp);
    if (n == 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

/// Terraform's redactIfSensitive for a path in a message.
std::string shown(const Value& v) {
  return v.sensitive() ? "(sensitive value)" : detail::goQuote(v.asString());
}

/// The outcome of resolving a path argument for reading.
enum class Resolve { kOk, kUnknown, kError };

/// homedir.Expand, then relative to the module directory, cleaned.
Resolve resolvePath(const std::string& path, const FunctionContext& ctx, std::string* out,
                    std::string* error) {
  if (!path.empty() && path[0] == '~') {
    if (path.size() > 1 && path[1] != '/' && path[1] != '\\') {
      *error = "failed to expand ~: cannot expand user-specific home dir";
      return Resolve::kError;
    }
    return Resolve::kUnknown;  // the home directory of whoever runs Terraform
  }
  *out = isAbs(path) ? cleanPath(path) : joinPath(ctx.module_dir, path);
  return Resolve::kOk;
}

/// Reads a path argument. Returns kOk with the contents, kUnknown when
/// there is no reader (or the path needs the home directory), or kError
/// with a message; `missing` is set when the file does not exist.
Resolve readPath(const Value& arg, FunctionContext& ctx, std::string* contents,
                 std::string* resolved, std::string* error, bool* missing) {
  *missing = false;
  Resolve r = resolvePath(arg.asString(), ctx, resolved, error);
  if (r != Resolve::kOk) return r;
  if (!ctx.read_file) return Resolve::kUnknown;
  std::string read_error;
  auto data = ctx.read_file(*resolved, &read_error);
  if (!data) {
    if (read_error.empty()) {
      *missing = true;
    } else {
      *error = read_error;
    }
    return Resolve::kError;
  }
  *contents = std::move(*data);
  return Resolve::kOk;
}

std::string noFileMessage(const Value& path) {
  return fmt::format(
      "no file exists at {}; this function works only with files that are distributed as part of "
      "the "
      "configuration source code, so if this file will be created by a resource in this "
      "configuration "
      "you must instead obtain this result from an attribute of that resource",
      shown(path));
}

FunctionResult basenameImpl(std::span<const Value> args, FunctionContext&) {
  return ok(Value::string(basePath(args[0].asString())));
}

FunctionResult dirnameImpl(std::span<const Value> args, FunctionContext&) {
  return ok(Value::string(dirPath(args[0].asString())));
}

FunctionResult abspathImpl(std::span<const Value> args, FunctionContext& ctx) {
  const std::string& path = args[0].asString();
  if (isAbs(path)) return ok(Value::string(cleanPath(path)));
  if (ctx.module_dir.empty()) return ok(Value::unknown(Type::string()));
  return ok(Value::string(joinPath(ctx.module_dir, path)));
}

FunctionResult pathexpandImpl(std::span<const Value> args, FunctionContext&) {
  const std::string& path = args[0].asString();
  if (path.empty() || path[0] != '~') return ok(Value::string(path));
  if (path.size() > 1 && path[1] != '/' && path[1] != '\\') {
    return FunctionResult::fail("cannot expand user-specific home dir");
  }
  return ok(Value::unknown(Type::string()));
}

template <bool Base64>
FunctionResult fileImpl(std::span<const Value> args, FunctionContext& ctx) {
  std::string contents, resolved, error;
  bool missing = false;
  switch (readPath(args[0], ctx, &contents, &resolved, &error, &missing)) {
    case Resolve::kUnknown:
      return ok(Value::unknown(Type::string()));
    case Resolve::kError:
      return FunctionResult::fail(missing ? noFileMessage(args[0]) : error, 0);
    case Resolve::kOk:
      break;
  }
  if (Base64) return ok(Value::string(detail::base64Encode(contents)));
  if (!validUtf8(contents)) {
    return FunctionResult::fail(
        fmt::format("contents of {} are not valid UTF-8; use the filebase64 function to obtain the "
                    "Base64 encoded "
                    "contents or the other file functions (e.g. filemd5, filesha256) to obtain "
                    "file hashing results "
                    "instead",
                    shown(args[0])));
  }
  return ok(Value::string(utf8::toNfc(contents)));
}

FunctionResult fileexistsImpl(std::span<const Value> args, FunctionContext& ctx) {
  std::string contents, resolved, error;
  bool missing = false;
  switch (readPath(args[0], ctx, &contents, &resolved, &error, &missing)) {
    case Resolve::kUnknown:
      return ok(Value::unknown(Type::boolean()));
    case Resolve::kError:
      if (missing) return ok(Value::boolean(false));
      return FunctionResult::fail(error, 0);
    case Resolve::kOk:
      break;
  }
  return ok(Value::boolean(true));
}

/// doublestar's pattern syntax errors: an unclosed [ or {, a trailing \.
bool validGlob(std::string_view pattern) {
  int braces = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return false;
      ++i;
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '{') {
      ++braces;
    } else if (c == '}') {
      if (braces > 0) --braces;
    }
  }
  return !in_class && braces == 0;
}

FunctionResult filesetImpl(std::span<const Value> args, FunctionContext& ctx) {
  const std::string& path = args[0].asString();
  std::string dir = isAbs(path) ? path : joinPath(ctx.module_dir, path);
  if (dir.empty()) dir = ".";
  std::string pattern = joinPath(dir, args[1].asString());
  if (!validGlob(pattern)) {
    std::string shown_pattern =
        args[0].sensitive() || args[1].sensitive() ? "(sensitive value)" : detail::goQuote(pattern);
    return FunctionResult::fail(
        fmt::format("failed to glob pattern {}: syntax error in pattern", shown_pattern));
  }
  if (!ctx.list_files) return ok(Value::unknown(Type::set(Type::string())));
  std::vector<Value> matches;
  std::string list_error;
  std::vector<std::string> listed = ctx.list_files(cleanPath(dir), args[1].asString(), &list_error);
  if (!list_error.empty()) return FunctionResult::fail(std::move(list_error));
  for (std::string& f : listed) {
    matches.push_back(Value::string(std::move(f)));
  }
  return ok(Value::set(std::move(matches), Type::string()));
}

template <std::string (*Digest)(std::string_view), bool Base64>
FunctionResult fileHashImpl(std::span<const Value> args, FunctionContext& ctx) {
  std::string contents, resolved, error;
  bool missing = false;
  switch (readPath(args[0], ctx, &contents, &resolved, &error, &missing)) {
    case Resolve::kUnknown:
      return ok(Value::unknown(Type::string()));
    case Resolve::kError:
      // These open the file directly and report Go's os.Open error.
      return FunctionResult::fail(
          missing ? fmt::format("open {}: no such file or directory", resolved) : error);
    case Resolve::kOk:
      break;
  }
  std::string digest = Digest(contents);
  return ok(Value::string(Base64 ? detail::base64Encode(digest) : detail::hexLower(digest)));
}

const std::vector<FunctionSpec>& table() {
  const FunctionParam path{"path", Type::string()};
  static const std::vector<FunctionSpec> t = {
      {"abspath", {path}, std::nullopt, Type::string(), abspathImpl},
      {"basename", {path}, std::nullopt, Type::string(), basenameImpl},
      {"dirname", {path}, std::nullopt, Type::string(), dirnameImpl},
      {"file", {path}, std::nullopt, Type::string(), fileImpl<false>},
      {"filebase64", {path}, std::nullopt, Type::string(), fileImpl<true>},
      {"filebase64sha256",
       {path},
       std::nullopt,
       Type::string(),
       fileHashImpl<detail::sha256Digest, true>},
      {"filebase64sha512",
       {path},
       std::nullopt,
       Type::string(),
       fileHashImpl<detail::sha512Digest, true>},
      {"fileexists", {path}, std::nullopt, Type::boolean(), fileexistsImpl},
      {"filemd5", {path}, std::nullopt, Type::string(), fileHashImpl<detail::md5Digest, false>},
      {"fileset",
       {path, {"pattern", Type::string()}},
       std::nullopt,
       Type::set(Type::string()),
       filesetImpl},
      {"filesha1", {path}, std::nullopt, Type::string(), fileHashImpl<detail::sha1Digest, false>},
      {"filesha256",
       {path},
       std::nullopt,
       Type::string(),
       fileHashImpl<detail::sha256Digest, false>},
      {"filesha512",
       {path},
       std::nullopt,
       Type::string(),
       fileHashImpl<detail::sha512Digest, false>},
      {"pathexpand", {path}, std::nullopt, Type::string(), pathexpandImpl},
  };
  return t;
}

}  // namespace

std::span<const FunctionSpec> filesystemFunctions() { return table(); }

}  // namespace tfguard::eval
