#pragma once
// A temporary repository for tests that run checks on files they write: a
// fresh directory under the system's temporary directory, named after the
// running test, with a .git folder (file reads stay inside the repository)
// and made the working directory (findings name paths relative to it). The
// working directory is restored and the tree removed afterwards, whatever
// the test did to its permissions.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace tfguard::test_support {

class TempRepository {
 public:
  /// `kind` tells the suites apart in the directory name.
  explicit TempRepository(std::string_view kind) {
    namespace fs = std::filesystem;
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("tfguard-" + std::string(kind) + "-" + std::to_string(::getpid()) + "-" +
                                        (test != nullptr ? test->name() : "none"));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / ".git");
    saved_cwd_ = fs::current_path();
    fs::current_path(dir_);
  }
  ~TempRepository() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::current_path(saved_cwd_, ec);
    // Undo chmod 000 and friends so that the tree can be removed.
    for (fs::recursive_directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec))
      if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  TempRepository(const TempRepository&) = delete;
  TempRepository& operator=(const TempRepository&) = delete;

  const std::filesystem::path& dir() const { return dir_; }

  /// Writes `text` to `rel` (relative to the repository), creating folders.
  void write(const std::string& rel, std::string_view text) const {
    std::filesystem::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary).write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  std::filesystem::path dir_;
  std::filesystem::path saved_cwd_;
};

}  // namespace tfguard::test_support
