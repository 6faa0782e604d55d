// teardown-cli: runs a Teardown Lab scenario without a screen and prints what happened as a
// text sequence diagram, a JSON-lines trace or a pcap capture.

#include "CauseCatalog.h"
#include "Translations.h"
#include "atomic_file.h"
#include "duration_text.h"
#include "load_report.h"
#include "pcap_writer.h"
#include "scenario_json.h"
#include "simulator.h"
#include "socket_table_text.h"
#include "text_diagram.h"
#include "trace_jsonl.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

constexpr std::string_view kProgram = "teardown-cli";

constexpr int kExitSuccess = 0;
constexpr int kExitFailure = 1;  // an output could not be written, or the simulator failed
constexpr int kExitBadInput = 2; // bad usage or a bad scenario

constexpr std::string_view kUsage = R"(Usage: teardown-cli [options] SCENARIO.json
       teardown-cli [options] --preset NAME
       teardown-cli --list-presets

Runs a Teardown Lab scenario and prints a text sequence diagram of it. A load scenario (many
connections) prints a summary table of its peaks and totals instead.

Options:
  --preset NAME     run a built-in scenario instead of a file
  --list-presets    list the built-in scenarios and exit
  --trace FILE      also write the trace as JSON lines to FILE ("-": standard output,
                    instead of the diagram)
  --pcap FILE       also write the segments as a pcap capture (Wireshark, tshark)
  --absolute        absolute sequence numbers (default: relative to each side's ISN)
  --ascii           draw the diagram with ASCII characters only
  --gap DURATION    compress quiet stretches of at least DURATION (default 1s)
  --lang LANG       explain causes in words, in LANG: en or zh_CN (default: stable cause
                    keys such as rcv_fin, for scripts)
  --seed N          run with seed N instead of the scenario's own
  --csv FILE        for a load scenario: write the sampled counters as CSV to FILE
  --sockets-at TIME for a load scenario: list the sockets alive at TIME ("90s"), as
                    ss -tano would, instead of the summary
  --connection N    for a load scenario: show connection N (0 = the first) in full,
                    as a diagram, trace or pcap, instead of the load summary
  --help            show this help and exit

Exit status: 0 on success, 1 if an output could not be written, 2 on bad usage or a bad
scenario file (with one line on standard error saying what and where).
)";

struct Options {
    std::string scenarioPath;
    std::string preset;
    bool listPresets = false;
    bool help = false;
    std::optional<std::string> tracePath;
    std::optional<std::string> pcapPath;
    std::optional<std::uint64_t> seed;
    std::optional<std::string> csvPath;
    std::optional<std::uint64_t> connection;
    std::optional<tdl::Duration> socketsAt;
    std::optional<std::string> language;
    tdl::TextDiagramOptions diagram;
};

// Bad usage: main() prints the message and exits with kExitBadInput.
struct UsageError {
    std::string message;
};

std::uint64_t parseSeed(std::string_view text) {
    std::uint64_t seed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        throw UsageError{"--seed: expected an integer in 0..18446744073709551615, found \"" +
                         std::string(text) + '"'};
    }
    return seed;
}

Options parseArguments(std::span<char* const> arguments) {
    Options options;
    bool optionsEnded = false;
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        std::string argument = arguments[i];
        if (optionsEnded || argument == "-" || !argument.starts_with("-")) {
            if (!options.scenarioPath.empty()) {
                throw UsageError{"expected one scenario file, found a second: \"" + argument + '"'};
            }
            options.scenarioPath = argument;
            continue;
        }
        if (argument == "--") {
            optionsEnded = true;
            continue;
        }
        // "--name=value" and "--name value" are both accepted.
        std::optional<std::string> inlineValue;
        if (const std::size_t equals = argument.find('='); equals != std::string::npos) {
            inlineValue = argument.substr(equals + 1);
            argument.resize(equals);
        }
        const auto value = [&]() -> std::string {
            if (inlineValue) {
                return *inlineValue;
            }
            if (i + 1 >= arguments.size()) {
                throw UsageError{argument + ": expected a value after it, found none"};
            }
            return arguments[++i];
        };
        const auto flagOnly = [&] {
            if (inlineValue) {
                throw UsageError{argument + ": expected no value, found \"" + *inlineValue + '"'};
            }
        };
        if (argument == "--help" || argument == "-h") {
            flagOnly();
            options.help = true;
        } else if (argument == "--list-presets") {
            flagOnly();
            options.listPresets = true;
        } else if (argument == "--absolute") {
            flagOnly();
            options.diagram.absoluteSequenceNumbers = true;
        } else if (argument == "--ascii") {
            flagOnly();
            options.diagram.asciiOnly = true;
        } else if (argument == "--preset") {
            options.preset = value();
        } else if (argument == "--trace") {
            options.tracePath = value();
        } else if (argument == "--pcap") {
            options.pcapPath = value();
        } else if (argument == "--seed") {
            options.seed = parseSeed(value());
        } else if (argument == "--lang") {
            const std::string text = value();
            if (!tdl::ui::Translations::languages().contains(QString::fromStdString(text))) {
                throw UsageError{"--lang: expected en or zh_CN, found \"" + text + '"'};
            }
            options.language = text;
        } else if (argument == "--csv") {
            options.csvPath = value();
        } else if (argument == "--connection") {
            const std::string text = value();
            std::uint64_t index = 0;
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), index);
            if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
                throw UsageError{
                    "--connection: expected a connection number (0, 1, ...), found \"" + text +
                    '"'};
            }
            options.connection = index;
        } else if (argument == "--sockets-at") {
            const std::string text = value();
            const std::optional<tdl::Duration> at = tdl::parseDurationText(text);
            if (!at || *at < tdl::Duration::zero()) {
                throw UsageError{
                    "--sockets-at: expected a time such as \"90s\" or \"2min\", found \"" + text +
                    '"'};
            }
            options.socketsAt = at;
        } else if (argument == "--gap") {
            const std::string text = value();
            const std::optional<tdl::Duration> gap = tdl::parseDurationText(text);
            if (!gap || *gap <= tdl::Duration::zero()) {
                throw UsageError{
                    "--gap: expected a duration such as \"500ms\" or \"2s\", found \"" + text +
                    '"'};
            }
            options.diagram.idleGap = *gap;
        } else {
            throw UsageError{"expected an option from --help, found \"" + argument + '"'};
        }
    }
    if (options.help || options.listPresets) {
        return options;
    }
    if (!options.preset.empty() && !options.scenarioPath.empty()) {
        throw UsageError{"expected a scenario file or --preset, found both"};
    }
    if (options.preset.empty() && options.scenarioPath.empty()) {
        throw UsageError{"expected a scenario file or --preset NAME, found neither (see --help)"};
    }
    if (options.pcapPath == "-") {
        throw UsageError{"--pcap: expected a file name, found \"-\""};
    }
    return options;
}

// Where built-in scenarios live, most specific first: beside an installed binary, then the
// source tree this binary was built from.
std::vector<std::filesystem::path> presetFolders() {
    std::vector<std::filesystem::path> folders;
    std::error_code error;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        folders.push_back(executable.parent_path().parent_path() / TDL_INSTALLED_PRESET_DIR);
    }
    folders.emplace_back(TDL_SOURCE_PRESET_DIR);
    return folders;
}

std::optional<std::filesystem::path> presetFolder() {
    for (const std::filesystem::path& folder : presetFolders()) {
        std::error_code error;
        if (std::filesystem::is_directory(folder, error)) {
            return folder;
        }
    }
    return std::nullopt;
}

// "four-way-close", or "load/port-exhaustion" for the load presets' folder.
bool isPresetName(std::string_view name) {
    return !name.empty() && name.front() != '/' && name.back() != '/' &&
           name.find("//") == std::string_view::npos &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                      c == '/';
           });
}

std::vector<std::string> presetNames(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            std::filesystem::path name = entry.path().lexically_relative(folder);
            names.push_back(name.replace_extension().generic_string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

int listPresets() {
    const std::optional<std::filesystem::path> folder = presetFolder();
    if (!folder) {
        std::cerr << kProgram << ": expected a folder of built-in scenarios at "
                  << presetFolders().front().string() << ", found none\n";
        return kExitFailure;
    }
    const std::vector<std::string> names = presetNames(*folder);
    std::size_t nameWidth = 0;
    for (const std::string& name : names) {
        nameWidth = std::max(nameWidth, name.size());
    }
    for (const std::string& name : names) {
        const tdl::LoadResult result = tdl::loadScenario((*folder / (name + ".json")).string());
        std::cout << name << std::string(nameWidth - name.size() + 2, ' ');
        if (const auto* scenario = std::get_if<tdl::Scenario>(&result)) {
            std::cout << scenario->title.en;
        } else {
            std::cout << "(unreadable: " << std::get<tdl::LoadError>(result).message() << ')';
        }
        std::cout << '\n';
    }
    return kExitSuccess;
}

std::string resolveScenarioPath(const Options& options) {
    if (options.preset.empty()) {
        return options.scenarioPath;
    }
    if (!isPresetName(options.preset)) {
        throw UsageError{"--preset: expected a name such as \"four-way-close\", found \"" +
                         options.preset + '"'};
    }
    const std::optional<std::filesystem::path> folder = presetFolder();
    const std::filesystem::path path =
        folder.value_or(presetFolders().front()) / (options.preset + ".json");
    if (!std::filesystem::exists(path)) {
        std::string known;
        if (folder) {
            for (const std::string& name : presetNames(*folder)) {
                known += (known.empty() ? "" : ", ") + name;
            }
        }
        throw UsageError{"--preset: expected one of " + (known.empty() ? "the presets" : known) +
                         ", found \"" + options.preset + '"'};
    }
    return path.string();
}

int runLoad(const Options& options, const std::string& path, const tdl::Scenario& scenario) {
    if (options.tracePath || options.pcapPath) {
        std::cerr << kProgram << ": " << (options.tracePath ? "--trace" : "--pcap")
                  << ": a load run keeps no segments; add --connection N for one connection\n";
        return kExitBadInput;
    }
    if (options.socketsAt) {
        std::optional<std::vector<tdl::SocketRow>> rows;
        try {
            rows = tdl::socketsAt(scenario, *options.socketsAt);
        } catch (const std::exception& error) {
            std::cerr << kProgram << ": " << path << ": the simulator stopped: " << error.what()
                      << '\n';
            return kExitFailure;
        }
        std::vector<tdl::HostInfo> hosts;
        for (const tdl::HostConfig& host : scenario.hosts) {
            hosts.push_back(tdl::HostInfo{host.name, host.address});
        }
        std::cout << "at " << tdl::durationText(*options.socketsAt) << ":\n"
                  << tdl::renderSocketTable(hosts, *rows);
        std::cout.flush();
        return std::cout ? kExitSuccess : kExitFailure;
    }
    tdl::LoadSeries series;
    try {
        series = tdl::runLoad(scenario);
    } catch (const std::exception& error) {
        std::cerr << kProgram << ": " << path << ": the simulator stopped: " << error.what()
                  << '\n';
        return kExitFailure;
    }
    if (options.csvPath) {
        if (auto error = tdl::writeFileAtomically(*options.csvPath, tdl::loadSeriesCsv(series))) {
            std::cerr << kProgram << ": " << *error << '\n';
            return kExitFailure;
        }
    }
    std::cout << tdl::renderLoadSummary(scenario, series);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << kProgram << ": cannot write to standard output\n";
        return kExitFailure;
    }
    return kExitSuccess;
}

int run(const Options& options) {
    const std::string path = resolveScenarioPath(options);
    tdl::LoadResult loaded = tdl::loadScenario(path);
    if (const auto* error = std::get_if<tdl::LoadError>(&loaded)) {
        std::cerr << kProgram << ": " << error->message() << '\n';
        return kExitBadInput;
    }
    tdl::Scenario scenario = std::get<tdl::Scenario>(std::move(loaded));
    if (options.seed) {
        scenario.seed = *options.seed;
    }

    if (scenario.load && !options.connection) {
        return runLoad(options, path, scenario);
    }
    if (!scenario.load && (options.connection || options.csvPath || options.socketsAt)) {
        std::cerr << kProgram << ": " << path << ": "
                  << (options.connection ? "--connection"
                      : options.csvPath  ? "--csv"
                                         : "--sockets-at")
                  << " needs a load scenario (with a \"load\" object), found none\n";
        return kExitBadInput;
    }
    if (scenario.load && *options.connection >= scenario.load->connections()) {
        std::cerr << kProgram << ": --connection: expected a number below "
                  << scenario.load->connections() << ", found " << *options.connection << '\n';
        return kExitBadInput;
    }

    tdl::Trace trace;
    try {
        trace = scenario.load ? tdl::traceLoadConnection(scenario, *options.connection)
                              : tdl::simulate(scenario);
    } catch (const std::exception& error) {
        std::cerr << kProgram << ": " << path << ": the simulator stopped: " << error.what()
                  << '\n';
        return kExitFailure;
    }

    const bool traceToStandardOutput = options.tracePath == "-";
    if (options.tracePath) {
        if (traceToStandardOutput) {
            tdl::writeTraceJsonl(trace, std::cout);
        } else {
            std::ostringstream lines;
            tdl::writeTraceJsonl(trace, lines);
            if (auto error = tdl::writeFileAtomically(*options.tracePath, lines.str())) {
                std::cerr << kProgram << ": " << *error << '\n';
                return kExitFailure;
            }
        }
    }
    if (options.pcapPath) {
        if (auto error = tdl::writePcap(trace, *options.pcapPath)) {
            std::cerr << kProgram << ": " << *error << '\n';
            return kExitFailure;
        }
    }
    if (!traceToStandardOutput) {
        std::cout << renderTextDiagram(trace, options.diagram);
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << kProgram << ": cannot write to standard output\n";
        return kExitFailure;
    }
    return kExitSuccess;
}

} // namespace

int main(int argc, char** argv) {
    try {
        Options options = parseArguments(std::span<char* const>(argv, argc));
        // The GUI's catalog and translations explain causes; Qt's translators need an
        // application object, made only when asked for.
        std::optional<QCoreApplication> application;
        std::optional<tdl::ui::Translations> translations;
        if (options.language) {
            application.emplace(argc, argv);
            translations.emplace();
            if (!translations->setLanguage(QString::fromStdString(*options.language))) {
                std::cerr << kProgram << ": --lang: the " << *options.language
                          << " translation could not be loaded\n";
                return kExitFailure;
            }
            options.diagram.explain = [](const tdl::Reason& reason) {
                return tdl::ui::CauseCatalog::sentence(reason).toStdString();
            };
        }
        if (options.help) {
            std::cout << kUsage;
            return kExitSuccess;
        }
        if (options.listPresets) {
            return listPresets();
        }
        return run(options);
    } catch (const UsageError& error) {
        std::cerr << kProgram << ": " << error.message << '\n';
        return kExitBadInput;
    }
}
