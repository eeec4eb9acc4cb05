// tfguard_parse_bench: parse speed of tfguard's native HCL parser.
//
//   tfguard_parse_bench [BENCHMARK FLAGS] (--list=FILE | --dir=DIR | FILE...)
//
// Every file is read into memory before any benchmark runs; the benchmarks
// then time, single-threaded, one pass over the whole corpus per iteration:
//
//   BM_ReadFiles         baseline: open + read + close of every file (page cache)
//   BM_Lex               the lexer alone (token vector), for the profile's sake
//   BM_Parse             parseConfig() on an in-memory SourceFile: the headline
//                        number, compared with HashiCorp's hclsyntax.ParseConfig
//   BM_ParseWithSource   the same plus building the SourceFile (copy of the
//                        text and its line index), as `tfguard parse` does
//   BM_ParseAndDump      BM_Parse plus building the AST-JSON document
//                        (fileToJson, not serialised), as `tfguard parse` does
//
// Each reports bytes/s (bytes_per_second) and files/s (files_per_second).
// Every file is parsed as native syntax (.tf, .tfvars), as hcldump --bench
// does; the ParsedFile is destroyed inside the timed loop.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/source_file.h"
#include "syntax/ast_json.h"
#include "syntax/parser.h"
#include "syntax/token.h"

namespace {

using tfguard::SourceFile;
namespace syntax = tfguard::syntax;

struct Corpus {
  std::vector<std::string> paths;
  std::vector<std::shared_ptr<const SourceFile>> sources;
  int64_t bytes = 0;
};

Corpus& corpus() {
  static Corpus c;
  return c;
}

bool readFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = std::move(buffer).str();
  return !in.bad();
}

void setCounters(benchmark::State& state) {
  const Corpus& c = corpus();
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(c.sources.size()));
  state.counters["files_per_second"] = benchmark::Counter(
      static_cast<double>(c.sources.size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ReadFiles(benchmark::State& state) {
  const Corpus& c = corpus();
  std::vector<char> buffer(1 << 20);
  for (auto _ : state) {
    for (const std::string& path : c.paths) {
      std::FILE* f = std::fopen(path.c_str(), "rb");
      if (!f) {
        state.SkipWithError("cannot reopen a corpus file");
        return;
      }
      size_t n;
      while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) benchmark::DoNotOptimize(n);
      std::fclose(f);
    }
    benchmark::ClobberMemory();
  }
  setCounters(state);
}

void BM_Lex(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& source : c.sources) {
      std::vector<syntax::Token> tokens = syntax::lex(source->text(), syntax::LexMode::kConfig);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  setCounters(state);
}

void BM_Parse(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& source : c.sources) {
      syntax::ParsedFile file = syntax::parseConfig(source);
      benchmark::DoNotOptimize(file.body);
    }
  }
  setCounters(state);
}

void BM_ParseWithSource(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& source : c.sources) {
      auto copy = std::make_shared<const SourceFile>(source->path(), std::string(source->text()));
      syntax::ParsedFile file = syntax::parseConfig(std::move(copy));
      benchmark::DoNotOptimize(file.body);
    }
  }
  setCounters(state);
}

void BM_ParseAndDump(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& source : c.sources) {
      syntax::ParsedFile file = syntax::parseConfig(source);
      nlohmann::json doc = syntax::fileToJson(file);
      benchmark::DoNotOptimize(doc.size());
    }
  }
  setCounters(state);
}

BENCHMARK(BM_ReadFiles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lex)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseWithSource)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAndDump)->Unit(benchmark::kMillisecond);

int usage() {
  std::fprintf(stderr,
               "usage: tfguard_parse_bench [--benchmark_...] (--list=FILE | --dir=DIR | FILE...)\n"
               "  --list=FILE  one path per line (blank lines and lines starting with # skipped)\n"
               "  --dir=DIR    every *.tf and *.tfvars file under DIR, recursively\n");
  return 2;
}

bool endsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  Corpus& c = corpus();
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--list=", 0) == 0) {
      std::ifstream list(arg.substr(7));
      if (!list) {
        std::fprintf(stderr, "tfguard_parse_bench: cannot read %s\n", arg.c_str() + 7);
        return 2;
      }
      for (std::string line; std::getline(list, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') c.paths.push_back(line);
      }
    } else if (arg.rfind("--dir=", 0) == 0) {
      std::vector<std::string> found;
      std::error_code ec;
      for (auto it = std::filesystem::recursive_directory_iterator(arg.substr(6), ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        std::string p = it->path().string();
        if (it->is_regular_file() && (endsWith(p, ".tf") || endsWith(p, ".tfvars")))
          found.push_back(p);
      }
      if (ec) {
        std::fprintf(stderr, "tfguard_parse_bench: %s: %s\n", arg.c_str() + 6, ec.message().c_str());
        return 2;
      }
      std::sort(found.begin(), found.end());
      c.paths.insert(c.paths.end(), found.begin(), found.end());
    } else if (arg.rfind("--", 0) == 0) {
      std::fprintf(stderr, "tfguard_parse_bench: unknown flag %s\n", arg.c_str());
      return usage();
    } else {
      c.paths.push_back(arg);
    }
  }
  if (c.paths.empty()) return usage();

  size_t with_errors = 0;
  for (const std::string& path : c.paths) {
    std::string text;
    if (!readFile(path, &text)) {
      std::fprintf(stderr, "tfguard_parse_bench: cannot read %s\n", path.c_str());
      return 1;
    }
    c.bytes += static_cast<int64_t>(text.size());
    c.sources.push_back(std::make_shared<const SourceFile>(path, std::move(text)));
    if (tfguard::hasErrors(syntax::parseConfig(c.sources.back()).diagnostics)) ++with_errors;
  }
  benchmark::AddCustomContext("corpus_files", std::to_string(c.sources.size()));
  benchmark::AddCustomContext("corpus_bytes", std::to_string(c.bytes));
  benchmark::AddCustomContext("corpus_files_with_errors", std::to_string(with_errors));

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
