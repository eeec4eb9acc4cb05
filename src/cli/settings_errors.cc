#include "cli/settings_errors.h"

#include <cstdio>

namespace tfguard::cli {

std::optional<settings::Settings> loadSettingsOrReport(const std::string& config_flag,
                                                       const std::filesystem::path& start) {
  Findings errors;
  std::optional<settings::Settings> loaded = settings::resolveSettings(config_flag, start, errors);
  for (const Finding& error : errors)
    std::fprintf(stderr, "%s\n", settings::formatFinding(error).c_str());
  return loaded;
}

}  // namespace tfguard::cli
