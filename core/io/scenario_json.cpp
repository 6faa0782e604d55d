#include "scenario_json.h"

#include "scenario_fields.h"
#include "strict_json.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tdl {

namespace {

// A scenario is a page of text; anything this big is the wrong file, and reading stops here so
// that a device or a huge file cannot make the loader hang.
constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;

using Id = LoadPhrase::Id;

} // namespace

std::string LoadError::message() const {
    std::string out;
    if (!file.empty()) {
        out += file + ": ";
    }
    if (location.kind != LoadLocation::Kind::File) {
        out += location.text() + ": ";
    }
    return out + "expected " + expected.text() + ", found " + found.text();
}

LoadResult parseScenario(const std::string& jsonText, const std::string& fileName) {
    try {
        const scenario_io::Json document = scenario_io::parseStrictJson(jsonText);
        return scenario_io::readScenario(scenario_io::Node{document, ""});
    } catch (const scenario_io::Refusal& refusal) {
        return LoadError{fileName, refusal.location, refusal.expected, refusal.found};
    }
}

LoadResult loadScenario(const std::string& path) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        return LoadError{path, {}, phrase(Id::ScenarioFile), phrase(Id::Folder)};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return LoadError{path, {}, phrase(Id::ReadableFile), systemError(errno)};
    }
    std::string text(kMaxFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        return LoadError{path, {}, phrase(Id::ReadableFile), systemError(errno)};
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes) {
        return LoadError{path, {}, phrase(Id::SmallFile), phrase(Id::LargerFile)};
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return LoadError{path, {}, phrase(Id::JsonObjectFile), phrase(Id::EmptyFile)};
    }
    return parseScenario(text, path);
}

} // namespace tdl
