// ast-compare OURS.json THEIRS.json [--sources-root DIR]
//
// Diffs tfguard's AST JSON (`tfguard parse --format json`) against the
// hcldump oracle's, file by file. Each input is one document or an array of
// documents; documents are matched by their `file` key. Exit status: 0 when
// every file matches, 1 when any differs, 2 on usage or I/O errors.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ast_compare.h"

namespace {

using nlohmann::json;
using tfguard::oracle::AstMismatch;

constexpr std::size_t kMismatchesShownPerFile = 3;

struct Options {
  std::string ours_path;
  std::string theirs_path;
  std::string sources_root;
};

struct Tally {
  int files = 0;
  int identical = 0;
  int mismatched = 0;
  int errors_both = 0;
  int errors_only_ours = 0;
  int errors_only_theirs = 0;
};

std::optional<Options> ParseArgs(int argc, char** argv) {
  Options options;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--sources-root" && i + 1 < argc) {
      options.sources_root = argv[++i];
    } else if (arg.rfind("--", 0) == 0) {
      return std::nullopt;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) return std::nullopt;
  options.ours_path = positional[0];
  options.theirs_path = positional[1];
  return options;
}

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// Loads a document or an array of documents; nullopt on unreadable input.
std::optional<std::vector<json>> LoadDocuments(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) {
    std::cerr << "ast-compare: cannot read " << path << "\n";
    return std::nullopt;
  }
  json parsed = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    std::cerr << "ast-compare: " << path << " is not valid JSON\n";
    return std::nullopt;
  }
  if (parsed.is_array()) return parsed.get<std::vector<json>>();
  return std::vector<json>{std::move(parsed)};
}

std::string FileKey(const json& document) {
  if (!document.is_object()) return "";
  auto file = document.find("file");
  if (file == document.end() || !file->is_string()) return "";
  return file->get<std::string>();
}

std::string ReadSource(const std::string& file, const Options& options) {
  std::filesystem::path path(file);
  if (path.is_relative() && !options.sources_root.empty()) {
    path = std::filesystem::path(options.sources_root) / path;
  }
  auto source = ReadFile(path);
  if (!source) {
    std::cerr << "ast-compare: warning: cannot read source " << path.string()
              << "; comparing all columns\n";
  }
  return source.value_or("");
}

void PrintMismatches(const std::string& file, const std::vector<AstMismatch>& mismatches) {
  std::cout << "MISMATCH " << file << " (" << mismatches.size()
            << (mismatches.size() >= tfguard::oracle::kMaxMismatchesPerFile ? "+" : "") << "):";
  for (std::size_t i = 0; i < mismatches.size() && i < kMismatchesShownPerFile; ++i) {
    const AstMismatch& m = mismatches[i];
    std::cout << (i == 0 ? " " : "; ") << m.path << ": ours=" << m.ours << " theirs=" << m.theirs;
  }
  std::cout << "\n";
}

void CompareOne(const std::string& file, const json& ours, const json& theirs,
                const Options& options, Tally& tally) {
  ++tally.files;
  const bool ours_error = tfguard::oracle::firstErrorLine(ours).has_value();
  const bool theirs_error = tfguard::oracle::firstErrorLine(theirs).has_value();
  if (ours_error && theirs_error) ++tally.errors_both;
  if (ours_error && !theirs_error) ++tally.errors_only_ours;
  if (!ours_error && theirs_error) ++tally.errors_only_theirs;

  auto mismatches = tfguard::oracle::compareFileAst(ours, theirs, ReadSource(file, options));
  if (mismatches.empty()) {
    ++tally.identical;
    return;
  }
  ++tally.mismatched;
  PrintMismatches(file, mismatches);
}

void ReportUnpaired(const std::string& file, const char* missing_side, Tally& tally) {
  ++tally.files;
  ++tally.mismatched;
  std::cout << "MISMATCH " << file << ": no document in " << missing_side << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  auto options = ParseArgs(argc, argv);
  if (!options) {
    std::cerr << "usage: ast-compare OURS.json THEIRS.json "
                 "[--sources-root DIR]\n";
    return 2;
  }
  auto ours = LoadDocuments(options->ours_path);
  auto theirs = LoadDocuments(options->theirs_path);
  if (!ours || !theirs) return 2;

  // First document wins if a file appears twice; order stays that of OURS.
  std::map<std::string, const json*> theirs_by_file;
  for (const json& document : *theirs) {
    theirs_by_file.emplace(FileKey(document), &document);
  }

  Tally tally;
  std::set<std::string> seen;
  for (const json& document : *ours) {
    const std::string file = FileKey(document);
    if (!seen.insert(file).second) continue;
    auto match = theirs_by_file.find(file);
    if (match == theirs_by_file.end()) {
      ReportUnpaired(file, "THEIRS", tally);
    } else {
      CompareOne(file, document, *match->second, *options, tally);
    }
  }
  for (const json& document : *theirs) {
    const std::string file = FileKey(document);
    if (seen.insert(file).second) ReportUnpaired(file, "OURS", tally);
  }

  std::cout << tally.files << " files, " << tally.identical << " identical, " << tally.mismatched
            << " mismatched, " << tally.errors_both << " errors-both, " << tally.errors_only_ours
            << " errors-only-ours, " << tally.errors_only_theirs << " errors-only-theirs\n";
  return tally.mismatched > 0 ? 1 : 0;
}
