// `tfguard parse`: the AST of each file, for debugging and differential tests.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "syntax/ast_json.h"
#include "syntax/parser.h"

namespace tfguard::cli {
namespace {

using nlohmann::json;

bool readFile(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = fmt::format("cannot open {}: {}", path, std::strerror(errno));
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = fmt::format("cannot read {}", path);
    return false;
  }
  *out = std::move(buffer).str();
  return true;
}

// Source text may hold invalid UTF-8 (HCL accepts some in strings): print
// it with U+FFFD rather than fail.
std::string dumpValue(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The text form: one node per line, indented, with its kind, range and
// scalar fields; derived from the JSON form so the two never disagree.
void printText(const json& node, int depth, const std::string& label, std::string& out) {
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  if (node.is_array()) {
    if (node.empty()) return;
    out += fmt::format("{}{}:\n", indent, label);
    for (const json& item : node) printText(item, depth + 1, "-", out);
    return;
  }
  if (!node.is_object()) {
    out += fmt::format("{}{}: {}\n", indent, label, dumpValue(node));
    return;
  }
  std::string head = indent + (label.empty() || label == "-" ? "" : label + ": ");
  head += node.value("kind", std::string("node"));
  if (node.contains("range")) head += " [" + node["range"].get<std::string>() + "]";
  for (const auto& [key, value] : node.items()) {
    if (key == "kind" || key == "range" || key == "bytes") continue;
    if (!value.is_object() && !value.is_array()) head += fmt::format(" {}={}", key, dumpValue(value));
  }
  out += head + "\n";
  for (const auto& [key, value] : node.items()) {
    if (value.is_object()) printText(value, depth + 1, key, out);
    if (value.is_array()) printText(value, depth + 1, key, out);
  }
}

}  // namespace

int runParse(const ParseOptions& options) {
  json docs = json::array();
  int exit_code = 0;
  for (const std::string& path : options.files) {
    std::string text, error;
    if (!readFile(path, &text, &error)) {
      std::fprintf(stderr, "tfguard: %s\n", error.c_str());
      exit_code = 2;
      continue;
    }
    auto source = std::make_shared<SourceFile>(path, std::move(text));
    syntax::ParsedFile file = options.template_mode ? syntax::parseTemplateFile(source)
                                                    : syntax::parseByName(source);
    if (hasErrors(file.diagnostics) && exit_code == 0) exit_code = 1;
    docs.push_back(syntax::fileToJson(file));
  }
  if (options.format == "text") {
    std::string out;
    for (const json& doc : docs) {
      out += fmt::format("file {}\n", doc["file"].get<std::string>());
      printText(doc.contains("template") ? doc["template"] : doc["body"], 1, "", out);
      for (const json& d : doc["diagnostics"])
        out += fmt::format("  {}: {}: {} ({})\n", d["range"].get<std::string>(),
                           d["severity"].get<std::string>(), d["summary"].get<std::string>(),
                           d["detail"].get<std::string>());
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else {
    const json& out = docs.size() == 1 ? docs[0] : docs;
    std::string s = out.dump(-1, ' ', false, json::error_handler_t::replace);
    s += '\n';
    std::fwrite(s.data(), 1, s.size(), stdout);
  }
  return exit_code;
}

}  // namespace tfguard::cli
