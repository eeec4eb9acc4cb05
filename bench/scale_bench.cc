// Scale benchmark (issue: "full check on generated trees of 10, 100, 1,000
// and 10,000 files; cost must grow linearly; peak memory; 10,000 files in
// under 2 s wall on 2 cores"). Generates repositories of "stacks" — each a
// modules/ folder and three environments calling every module, the layout
// of SPEC §3 — and runs the real `tfguard check` process on each, the way
// CI runs it, printing the wall time, CPU time and peak memory (getrusage of
// the child) and the cost per file at each size:
//
//   tfguard_scale_bench --tfguard PATH [--dir DIR] [--sizes 10,100,1000,10000]
//                       [--runs 3] [--jobs N]
//
// The trees are deterministic and kept between runs (DIR/files-N).
#include <fmt/format.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

extern char** environ;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// One module: three files (main.tf with a handful of resources of common
// kinds, variables.tf, outputs.tf), about 2.5 KB in all.
void writeModule(const fs::path& dir, int stack, int m) {
  write(dir / "variables.tf", R"(variable "name" {
  type = string
}
variable "environment" {
  type = string
}
variable "instance_type" {
  type    = string
  default = "t3.small"
}
variable "admin_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}
)");
  write(dir / "main.tf", fmt::format(R"(locals {{
  prefix = "${{var.name}}-${{var.environment}}-s{0}m{1}"
  tags   = {{ Stack = "s{0}", Module = "m{1}", Environment = var.environment }}
}}
resource "aws_security_group" "this" {{
  name   = "${{local.prefix}}-sg"
  vpc_id = "vpc-0123456789"
  ingress {{
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }}
  tags = local.tags
}}
resource "aws_instance" "this" {{
  count                  = var.environment == "production" ? 2 : 1
  ami                    = data.aws_ami.base.id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.this.id]
  metadata_options {{
    http_tokens = "required"
  }}
  root_block_device {{
    encrypted = true
  }}
  tags = merge(local.tags, {{ Name = "${{local.prefix}}-${{count.index}}" }})
}}
data "aws_ami" "base" {{
  most_recent = true
  owners      = ["amazon"]
}}
resource "aws_s3_bucket" "this" {{
  bucket = "${{local.prefix}}-data"
  tags   = local.tags
}}
resource "aws_s3_bucket_versioning" "this" {{
  bucket = aws_s3_bucket.this.id
  versioning_configuration {{
    status = "Enabled"
  }}
}}
)",
                                     stack, m));
  write(dir / "outputs.tf", R"(output "instance_ids" {
  value = aws_instance.this[*].id
}
output "bucket" {
  value = aws_s3_bucket.this.bucket
}
)");
}

// A stack of `modules` modules and dev/staging/production roots calling each.
// Returns the number of files written.
int writeStack(const fs::path& dir, int stack, int modules) {
  int files = 0;
  for (int m = 0; m < modules; ++m, files += 3) writeModule(dir / fmt::format("modules/m{}", m), stack, m);
  for (const char* env : {"dev", "staging", "production"}) {
    std::string main = fmt::format(R"(terraform {{
  required_version = ">= 1.5"
  backend "s3" {{
    bucket = "state-s{0}"
    key    = "{1}/terraform.tfstate"
    region = "eu-west-1"
  }}
}}
variable "environment" {{
  type = string
}}
)",
                                   stack, env);
    for (int m = 0; m < modules; ++m)
      main += fmt::format(R"(module "m{0}" {{
  source        = "../../modules/m{0}"
  name          = "app"
  environment   = var.environment
  instance_type = var.environment == "production" ? "m6i.large" : "t3.small"
}}
)",
                          m);
    write(dir / "environments" / env / "main.tf", main);
    write(dir / "environments" / env / "terraform.tfvars", fmt::format("environment = \"{}\"\n", env));
    files += 2;
  }
  return files;
}

// A repository of about `target` files: stacks of up to ten modules (a
// stack has at least 9 files: one module and three environments).
int generate(const fs::path& dir, int target) {
  constexpr int kModulesPerStack = 10;
  int files = 0;
  for (int stack = 0; files == 0 || target - files >= 9; ++stack) {
    int modules = std::clamp((target - files - 6) / 3, 1, kModulesPerStack);
    files += writeStack(dir / fmt::format("stack{:04}", stack), stack, modules);
  }
  return files;
}

struct RunResult {
  double wall_ms = 0, cpu_ms = 0;
  long peak_kb = 0;
  int exit_code = -1;
};

RunResult runTfguard(const std::string& tfguard, const fs::path& dir, int jobs) {
  std::vector<std::string> args{tfguard, "check", "--fail-on", "never", "-q", "-f", "json", "-o", "/dev/null",
                                "-j", std::to_string(jobs), dir.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  RunResult r;
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, tfguard.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return r;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  r.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  r.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
             (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  r.peak_kb = usage.ru_maxrss;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string tfguard;
  fs::path dir = fs::temp_directory_path() / "tfguard-scale";
  std::vector<int> sizes{10, 100, 1000, 10000};
  int runs = 3;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--tfguard") tfguard = argv[i + 1];
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    else if (a == "--jobs") jobs = std::max(1, std::atoi(argv[i + 1]));
    else if (a == "--sizes") {
      sizes.clear();
      std::string list = argv[i + 1];
      for (size_t pos = 0; pos <= list.size();) {
        size_t comma = std::min(list.find(',', pos), list.size());
        if (comma > pos) sizes.push_back(std::atoi(list.substr(pos, comma - pos).c_str()));
        pos = comma + 1;
      }
    }
  }
  if (tfguard.empty() || !fs::exists(tfguard)) {
    fmt::print(stderr, "usage: tfguard_scale_bench --tfguard PATH [--dir DIR] [--sizes 10,100,1000,10000] [--runs 3] [--jobs N]\n");
    return 2;
  }
  fmt::print("tfguard check of generated repositories (stacks of 10 modules x 3 environments), -j {}, "
             "median of {} runs:\n",
             jobs, runs);
  fmt::print("  {:>7} {:>11} {:>11} {:>14} {:>13} {:>11}\n", "files", "wall ms", "cpu ms", "wall ms/file",
             "cpu ms/file", "peak MB");
  for (int size : sizes) {
    fs::path tree = dir / fmt::format("files-{}", size);
    int files = 0;
    if (std::ifstream stamp(tree / ".complete"); !(stamp >> files)) {
      fs::remove_all(tree);
      files = generate(tree, size);
      write(tree / ".complete", std::to_string(files));
    }
    std::vector<RunResult> results;
    for (int r = 0; r < runs; ++r) results.push_back(runTfguard(tfguard, tree, jobs));
    std::sort(results.begin(), results.end(), [](const RunResult& a, const RunResult& b) { return a.wall_ms < b.wall_ms; });
    const RunResult& m = results[results.size() / 2];
    if (m.exit_code != 0) {
      fmt::print(stderr, "tfguard exited with {} on {}\n", m.exit_code, tree.string());
      return 1;
    }
    double cpu_per_file = m.cpu_ms / files;
    fmt::print("  {:>7} {:>11.1f} {:>11.1f} {:>14.3f} {:>13.3f} {:>11.1f}", files, m.wall_ms, m.cpu_ms,
               m.wall_ms / files, cpu_per_file, m.peak_kb / 1024.0);
    if (files >= 10000) fmt::print("   (target: 10,000 files < 2000 ms wall: {})", m.wall_ms < 2000 ? "met" : "NOT met");
    fmt::print("\n");
  }
  fmt::print("linear growth shows as a flat cpu ms/file column (the smallest trees pay the start-up)\n");
  return 0;
}
