// teardown-cli: runs a Teardown Lab scenario without a screen and prints what happened as a
// text sequence diagram, a JSON-lines trace or a pcap capture.

#include "CauseCatalog.h"
#include "DataPaths.h"
#ifdef TDL_CLI_PDF
#include "HandoutPdf.h"
#include "PresentationMode.h"
#include "SlideRenderer.h"
#endif
#include "LessonText.h"
#include "Translations.h"
#include "atomic_file.h"
#include "capture_command.h"
#include "cli_options.h"
#include "diagram_markup.h"
#include "duration_text.h"
#include "load_report.h"
#include "packetdrill_reader.h"
#include "packetdrill_writer.h"
#include "pcap_writer.h"
#include "quiz.h"
#include "scenario_json.h"
#include "script_player.h"
#include "simulator.h"
#include "socket_table_text.h"
#include "terminal_progress.h"
#include "text_diagram.h"
#include "trace_jsonl.h"
#include "version.h"

#include <QCoreApplication>
#ifdef TDL_CLI_PDF
#include <QGuiApplication>
#endif

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

using tdl::cli::kExitBadInput;
using tdl::cli::kExitFailure;
using tdl::cli::kExitInterrupted;
using tdl::cli::kExitSuccess;
using tdl::cli::kStandardStream;
using tdl::cli::Options;
using tdl::cli::UsageError;

constexpr std::string_view kProgram = "teardown-cli";

// The built-in scenarios: share/teardown-lab/scenarios beside the program, installed or in the
// build tree alike (DataPaths.h).
std::filesystem::path presetDirectory() {
    return std::filesystem::path(tdl::ui::presetDirectory().toStdString());
}

std::optional<std::filesystem::path> presetFolder() {
    std::error_code error;
    if (std::filesystem::path folder = presetDirectory();
        std::filesystem::is_directory(folder, error)) {
        return folder;
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
                  << presetDirectory().string() << ", found none\n";
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
        folder.value_or(presetDirectory()) / (options.preset + ".json");
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
    if (options.tracePath || options.pcapPath || options.exportHost) {
        std::cerr << kProgram << ": "
                  << (options.tracePath  ? "--trace"
                      : options.pcapPath ? "--pcap"
                                         : "--to-packetdrill")
                  << ": a load run keeps no segments; add --connection N for one connection\n";
        return kExitBadInput;
    }
    tdl::cli::TerminalProgress progress;
    if (options.socketsAt) {
        std::optional<std::vector<tdl::SocketRow>> rows;
        try {
            rows = tdl::socketsAt(scenario, *options.socketsAt, progress.callback());
            progress.finish();
        } catch (const std::exception& error) {
            std::cerr << kProgram << ": " << path << ": the simulator stopped: " << error.what()
                      << '\n';
            return kExitFailure;
        }
        if (!rows) {
            std::cerr << kProgram << ": interrupted before "
                      << tdl::durationText(*options.socketsAt) << ": no socket table\n";
            return kExitInterrupted;
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
        series = tdl::runLoad(scenario, progress.callback());
        progress.finish();
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
    if (progress.interrupted() && series.truncated) {
        std::cerr << kProgram << ": interrupted at " << tdl::durationText(series.end)
                  << " of simulated time; the summary covers the run so far\n";
        return kExitInterrupted;
    }
    return kExitSuccess;
}

// The name messages give standard input, as they give a file its path.
constexpr std::string_view kStandardInputName = "<stdin>";

tdl::LoadResult readStandardInput() {
    // stdio rather than std::cin, whose stream buffer turns a read error into a quiet end of file.
    std::string text;
    std::array<char, 65536> buffer{};
    while (const std::size_t read = std::fread(buffer.data(), 1, buffer.size(), stdin)) {
        text.append(buffer.data(), read);
    }
    if (std::ferror(stdin)) {
        const int reason = errno;
        // About the input as a whole: no location in it.
        tdl::LoadError error;
        error.file = kStandardInputName;
        error.expected = tdl::phrase(tdl::LoadPhrase::Id::ReadableFile);
        error.found = tdl::systemError(reason);
        return error;
    }
    return tdl::parseScenario(text, std::string(kStandardInputName));
}

// --pcap-at names a host of the scenario; checked before the run, so a typo costs no simulation.
void checkCaptureHost(const Options& options, const tdl::Scenario& scenario) {
    if (!options.pcapAt) {
        return;
    }
    std::string known;
    for (const tdl::HostConfig& host : scenario.hosts) {
        if (host.name == *options.pcapAt) {
            return;
        }
        known += (known.empty() ? "" : ", ") + host.name;
    }
    throw UsageError{"--pcap-at: expected a host of the scenario (" + known + "), found \"" +
                     *options.pcapAt + '"'};
}

// What the terminal prints, in the --lang language (English without it).
void say(const QString& text) {
    std::cout << text.toStdString() << '\n';
}

// Asks the quiz on standard input and output: the narration up to each question, the question
// and its lettered choices, then the verdict, the explanation and the stop's caption.
int runQuiz(const tdl::Scenario& scenario, const tdl::Trace& trace, std::uint64_t seed) {
    using tdl::ui::LessonText;
    const tdl::Quiz quiz = tdl::makeQuiz(scenario, trace, seed);
    say(LessonText::tr("Quiz: %1 (%n question(s)). Type the letter of your answer; q ends the "
                       "quiz.",
                       nullptr, static_cast<int>(quiz.questions.size()))
            .arg(LessonText::localized(scenario.title)));
    int right = 0;
    int asked = 0;
    std::size_t narrated = 0; // facts [0, narrated) have been told
    const auto narrateUpTo = [&](tdl::SimTime time) {
        std::size_t end = narrated;
        while (end < trace.facts.size() && trace.facts[end].at <= time) {
            ++end;
        }
        for (const QString& line : LessonText::narration(trace, narrated, end)) {
            say(QStringLiteral("  ") + line);
        }
        narrated = end;
    };
    for (const tdl::Question& question : quiz.questions) {
        narrateUpTo(question.askAt);
        say(QString());
        say(QStringLiteral("[%1/%2] ").arg(asked + 1).arg(quiz.questions.size()) +
            LessonText::question(trace, question));
        for (std::size_t i = 0; i < question.choices.size(); ++i) {
            say(QStringLiteral("  %1) %2")
                    .arg(LessonText::letter(i), LessonText::choice(trace, question, i)));
        }
        std::optional<std::size_t> picked;
        while (!picked) {
            std::cout << "> " << std::flush;
            std::string line;
            if (!std::getline(std::cin, line)) {
                say(QString());
                say(LessonText::tr("Standard input ended before the answer."));
                say(LessonText::score(right, asked));
                return kExitFailure;
            }
            const QString answer = QString::fromStdString(line).trimmed().toLower();
            if (answer == QStringLiteral("q")) {
                say(LessonText::score(right, asked));
                return kExitSuccess;
            }
            for (std::size_t i = 0; i < question.choices.size(); ++i) {
                if (answer == LessonText::letter(i)) {
                    picked = i;
                }
            }
            if (!picked) {
                say(LessonText::tr("Expected a letter from a to %1, or q, found \"%2\".")
                        .arg(LessonText::letter(question.choices.size() - 1), answer));
            }
        }
        ++asked;
        const bool correct = *picked == question.answer;
        right += correct ? 1 : 0;
        say(LessonText::verdict(correct, trace, question));
        const tdl::LessonStop& stop = quiz.stops[question.stop];
        if (stop.moment < scenario.moments.size() &&
            (&question == &quiz.questions.back() || (&question + 1)->stop != question.stop)) {
            say(QStringLiteral("  ") + LessonText::caption(scenario, trace, stop));
        }
    }
    say(QString());
    say(LessonText::score(right, asked));
    std::cout.flush();
    return std::cout ? kExitSuccess : kExitFailure;
}

int run(const Options& options) {
    if (!options.capturePath.empty()) {
        return tdl::cli::runFromCapture(options);
    }
    const bool fromStandardInput =
        options.preset.empty() && options.scenarioPath == kStandardStream;
    const std::string path =
        fromStandardInput ? std::string(kStandardInputName) : resolveScenarioPath(options);
    tdl::LoadResult loaded = fromStandardInput ? readStandardInput() : tdl::loadScenario(path);
    if (const auto* error = std::get_if<tdl::LoadError>(&loaded)) {
        std::cerr << kProgram << ": " << error->message() << '\n';
        return kExitBadInput;
    }
    tdl::Scenario scenario = std::get<tdl::Scenario>(std::move(loaded));
    if (options.seed) {
        scenario.seed = *options.seed;
    }

    if (scenario.load && !options.connection && options.renderPath) {
        std::cerr << kProgram
                  << ": --render: expected --connection N beside it for a load "
                     "scenario (a slide shows one connection), found none\n";
        return kExitBadInput;
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

    checkCaptureHost(options, scenario);
    if (options.exportHost) {
        if (auto refusal = tdl::packetdrillRefusal(scenario, *options.exportHost)) {
            std::cerr << kProgram << ": --to-packetdrill: " << path << ": " << *refusal << '\n';
            return kExitBadInput;
        }
    }

    tdl::Trace trace;
    // Only a load run reports progress and stops on Ctrl+C; a single scenario is over in
    // milliseconds.
    std::optional<tdl::cli::TerminalProgress> progress;
    try {
        if (scenario.load) {
            progress.emplace();
            trace = tdl::traceLoadConnection(scenario, *options.connection, progress->callback());
            progress->finish();
        } else {
            trace = tdl::simulate(scenario);
        }
    } catch (const std::exception& error) {
        std::cerr << kProgram << ": " << path << ": the simulator stopped: " << error.what()
                  << '\n';
        return kExitFailure;
    }

    if (options.quiz) {
        return runQuiz(scenario, trace, scenario.seed);
    }
    const bool traceToStandardOutput = options.tracePath == kStandardStream;
    const bool pcapToStandardOutput = options.pcapPath == kStandardStream;
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
        if (auto error = tdl::writePcap(trace, *options.pcapPath, options.pcapAt.value_or(""))) {
            std::cerr << kProgram << ": " << *error << '\n';
            return kExitFailure;
        }
    }
    const auto writeText = [&](const std::optional<std::string>& target, const std::string& text) {
        if (!target) {
            return true;
        }
        if (*target == kStandardStream) {
            std::cout << text;
            return true;
        }
        if (auto error = tdl::writeFileAtomically(*target, text)) {
            std::cerr << kProgram << ": " << *error << '\n';
            return false;
        }
        return true;
    };
    if (options.exportHost) {
        const tdl::PacketdrillExport script =
            tdl::packetdrillScript(scenario, trace, *options.exportHost);
        if (script.error) {
            std::cerr << kProgram << ": --to-packetdrill: " << path << ": " << *script.error
                      << '\n';
            return kExitBadInput;
        }
        if (!writeText(options.exportPath, script.script)) {
            return kExitFailure;
        }
    }
    if (!writeText(options.mermaidPath,
                   options.mermaidPath ? tdl::renderMermaid(trace, options.diagram) : "") ||
        !writeText(options.plantUmlPath,
                   options.plantUmlPath ? tdl::renderPlantUml(trace, options.diagram) : "")) {
        return kExitFailure;
    }
#ifdef TDL_CLI_PDF
    if (options.pdfPath) {
        const auto seqMode = options.diagram.absoluteSequenceNumbers ? tdl::ui::SeqMode::Absolute
                                                                     : tdl::ui::SeqMode::Relative;
        const tdl::ui::Handout handout =
            tdl::ui::handoutFor(scenario, std::make_shared<const tdl::ui::Run>(trace), seqMode);
        if (auto error =
                tdl::ui::writeHandoutPdf(handout, QString::fromStdString(*options.pdfPath))) {
            std::cerr << kProgram << ": " << error->toStdString() << '\n';
            return kExitFailure;
        }
    }
    if (options.renderPath) {
        if (options.renderAt && *options.renderAt > trace.end) {
            std::cerr << kProgram << ": --at: expected a time within the run, 0 to "
                      << tdl::durationText(trace.end) << ", found "
                      << tdl::durationText(*options.renderAt) << '\n';
            return kExitBadInput;
        }
        tdl::ui::Slide slide;
        slide.run = std::make_shared<const tdl::ui::Run>(trace);
        slide.at = options.renderAt.value_or(trace.end);
        slide.cursor = options.renderAt.has_value();
        slide.size = QSize(options.renderWidth, options.renderHeight);
        slide.scale =
            options.renderScale.value_or(tdl::ui::PresentationMode::defaultScale(slide.size));
        slide.seqMode = options.diagram.absoluteSequenceNumbers ? tdl::ui::SeqMode::Absolute
                                                                : tdl::ui::SeqMode::Relative;
        if (auto error = tdl::ui::writeSlide(slide, QString::fromStdString(*options.renderPath))) {
            std::cerr << kProgram << ": " << error->toStdString() << '\n';
            return kExitFailure;
        }
    }
#endif
    // Standard output carries one thing: the diagram, or the one output asked for there.
    const bool anyToStandardOutput =
        traceToStandardOutput || pcapToStandardOutput || options.mermaidPath == kStandardStream ||
        options.plantUmlPath == kStandardStream || options.exportPath == kStandardStream;
    if (!anyToStandardOutput) {
        std::cout << renderTextDiagram(trace, options.diagram);
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << kProgram << ": cannot write to standard output\n";
        return kExitFailure;
    }
    if (progress && progress->interrupted() && trace.truncated) {
        std::cerr << kProgram << ": interrupted at " << tdl::durationText(trace.end)
                  << " of simulated time; the trace covers the run so far\n";
        return kExitInterrupted;
    }
    return kExitSuccess;
}

// --packetdrill: "pass" or the first failing line on standard output (or on standard error when
// --trace or --pcap writes there); exit 0, 1, or 2 for a script the engine cannot play.
int runPacketdrill(const Options& options) {
    const std::string& path = options.packetdrillPath;
    tdl::pd::ReadResult read = tdl::pd::readScriptFile(path);
    if (const auto* error = std::get_if<tdl::pd::ScriptError>(&read)) {
        std::cerr << kProgram << ": " << error->message() << '\n';
        return kExitBadInput;
    }
    tdl::pd::PlayOutcome outcome = tdl::pd::playScript(std::get<tdl::pd::Script>(read));
    if (const auto* error = std::get_if<tdl::pd::ScriptError>(&outcome)) {
        std::cerr << kProgram << ": " << error->message() << '\n';
        return kExitBadInput;
    }
    const auto& played = std::get<tdl::pd::PlayResult>(outcome);
    for (const std::string& note : played.notes) {
        std::cerr << kProgram << ": note: " << note << '\n';
    }
    if (options.tracePath) {
        std::ostringstream lines;
        tdl::writeTraceJsonl(played.trace, lines);
        if (*options.tracePath == kStandardStream) {
            std::cout << lines.str();
        } else if (auto error = tdl::writeFileAtomically(*options.tracePath, lines.str())) {
            std::cerr << kProgram << ": " << *error << '\n';
            return kExitFailure;
        }
    }
    if (options.pcapPath) {
        if (auto error =
                tdl::writePcap(played.trace, *options.pcapPath, options.pcapAt.value_or(""))) {
            std::cerr << kProgram << ": " << *error << '\n';
            return kExitFailure;
        }
    }
    const bool outputOnStandardOutput =
        options.tracePath == kStandardStream || options.pcapPath == kStandardStream;
    std::ostream& verdict = outputOnStandardOutput ? std::cerr : std::cout;
    if (played.failure) {
        verdict << played.failure->message() << '\n';
        return kExitFailure;
    }
    verdict << "pass\n";
    return kExitSuccess;
}

#ifdef TDL_CLI_PDF
// Whether the command line asks for a handout or a slide, looked at before Qt reads the options.
bool asksForPainting(int argc, char** argv) {
    return std::any_of(argv + 1, argv + argc, [](const char* argument) {
        const std::string_view text(argument);
        return text == "--pdf" || text == "-pdf" || text.starts_with("--pdf=") ||
               text.starts_with("-pdf=") || text == "--render" || text == "-render" ||
               text.starts_with("--render=") || text.starts_with("-render=");
    });
}
#endif

// A handout or a slide is painted, which takes a QGuiApplication (on the offscreen platform: no
// screen is needed); everything else needs only Qt Core, which starts without loading a platform
// plugin.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
#ifdef TDL_CLI_PDF
    if (asksForPainting(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char** argv) {
    // Qt's command-line parser and translators need an application object.
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    try {
        Options options = tdl::cli::parseArguments(QCoreApplication::arguments());
        if (options.help) {
            std::cout << tdl::cli::helpText();
            return kExitSuccess;
        }
        if (options.version) {
            std::cout << kProgram << ' ' << tdl::kVersion << '\n';
            return kExitSuccess;
        }
        // The GUI's catalog and translations explain causes.
        std::optional<tdl::ui::Translations> translations;
        if (options.language) {
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
        if (options.listPresets) {
            return listPresets();
        }
        if (!options.packetdrillPath.empty()) {
            return runPacketdrill(options);
        }
        return run(options);
    } catch (const UsageError& error) {
        std::cerr << kProgram << ": " << error.message << '\n';
        return kExitBadInput;
    }
}
