#include "cli_options.h"

#include "Translations.h"
#include "duration_text.h"

#include <QCommandLineParser>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <system_error>

namespace tdl::cli {

namespace {

constexpr std::string_view kUsage = R"(Usage: teardown-cli [options] SCENARIO.json
       teardown-cli [options] --preset NAME
       teardown-cli [options] --from-capture FILE.pcap
       teardown-cli --from-capture FILE.pcap --replay SIDE [--profile KEY] [--sysctl NAME=VALUE]
       teardown-cli --list-presets
       teardown-cli --quiz PRESET|SCENARIO.json
       teardown-cli --packetdrill SCRIPT.pkt

Runs a Teardown Lab scenario and prints a text sequence diagram of it: every segment with its
flags and relative sequence numbers, every state change and timer, each with its cause. A load
scenario (many connections) prints a summary table of its peaks and totals instead.
SCENARIO.json "-" reads the scenario from standard input. --trace and --pcap write the trace and
a capture beside the diagram; one of them may write to standard output ("-"), and then no
diagram is printed. --from-capture reads a pcap or pcapng capture instead: both sides' states
of every TCP connection in it, inferred from the packets alone, shown as a run is; with --replay,
one side is simulated as Linux (--profile, --sysctl) while the other side's packets are injected
at their capture times, and every place where the captured host did not do what Linux would is
listed (or "no difference from Linux PROFILE"). --quiz asks
the lesson's questions on the terminal instead: type the letter of an answer (q ends the quiz);
each answer is followed by its explanation and the score ends it.
--packetdrill plays a packetdrill script against a simulated Linux host, as packetdrill plays it
against a kernel, and prints "pass" or the first failing line with what was expected and what
the host did.

)";

constexpr std::string_view kExitStatusAndExamples = R"(
Exit status:
  0  success
  1  an output could not be written, or the simulator stopped
  1  --packetdrill: the script fails (the failing line is printed)
  1  --replay: the captured host differs from Linux (the differences are printed)
  2  bad usage, a bad scenario file or a script the engine cannot play; one line on standard
     error says what and where
  130  Ctrl+C stopped a load run; what was computed so far is printed, marked truncated

Examples:
  teardown-cli --preset four-way-close
  teardown-cli --preset lost-final-ack --lang en --gap 500ms
  teardown-cli my.json --trace run.jsonl --pcap run.pcap
  teardown-cli --preset stale-data-no-time-wait --pcap client.pcap --pcap-at client
  teardown-cli --preset four-way-close --pcap - | tshark -r -
  teardown-cli --preset lost-final-ack --to-packetdrill server --packetdrill-out lost.pkt
  teardown-cli - --trace - < my.json | jq -c 'select(.kind == "state_changed")'
  teardown-cli --preset load/port-exhaustion --sockets-at 90s
  teardown-cli --preset four-way-close --render close.png --at 260ms --lang zh_CN
  teardown-cli --preset lost-final-ack --render slide.svg --size 1280x720 --scale 2
  teardown-cli --quiz lost-final-ack --lang zh_CN
  teardown-cli --packetdrill close-local-close-then-remote-fin.pkt --trace run.jsonl
  teardown-cli --from-capture close.pcap --lang en
  teardown-cli --from-capture lost-ack.pcap --replay server --profile rfc9293
  teardown-cli --from-capture reuse.pcap --replay client --sysctl net.ipv4.tcp_tw_reuse=1
)";

// Long names, as the code looks them up; "-name" works as well as "--name".
const QString kHelp = QStringLiteral("help");
const QString kVersion = QStringLiteral("version");
const QString kPreset = QStringLiteral("preset");
const QString kListPresets = QStringLiteral("list-presets");
const QString kTrace = QStringLiteral("trace");
const QString kPcap = QStringLiteral("pcap");
const QString kPcapAt = QStringLiteral("pcap-at");
const QString kToPacketdrill = QStringLiteral("to-packetdrill");
const QString kPacketdrillOut = QStringLiteral("packetdrill-out");
const QString kAbsolute = QStringLiteral("absolute");
const QString kAscii = QStringLiteral("ascii");
const QString kGap = QStringLiteral("gap");
const QString kLang = QStringLiteral("lang");
const QString kSeed = QStringLiteral("seed");
const QString kCsv = QStringLiteral("csv");
const QString kMermaid = QStringLiteral("mermaid");
const QString kPlantUml = QStringLiteral("plantuml");
const QString kPdf = QStringLiteral("pdf");
const QString kSocketsAt = QStringLiteral("sockets-at");
const QString kConnection = QStringLiteral("connection");
const QString kRender = QStringLiteral("render");
const QString kAt = QStringLiteral("at");
const QString kScale = QStringLiteral("scale");
const QString kSize = QStringLiteral("size");
const QString kQuiz = QStringLiteral("quiz");
const QString kPacketdrill = QStringLiteral("packetdrill");
const QString kFromCapture = QStringLiteral("from-capture");
const QString kReplay = QStringLiteral("replay");
const QString kProfile = QStringLiteral("profile");
const QString kSysctl = QStringLiteral("sysctl");
const QString kCapturePoint = QStringLiteral("capture-point");

QList<QCommandLineOption> optionTable() {
    return {
        {kPreset, QStringLiteral("run a built-in scenario instead of a file"),
         QStringLiteral("NAME")},
        {kListPresets, QStringLiteral("list the built-in scenarios and exit")},
        {kPacketdrill,
         QStringLiteral("play the packetdrill script FILE against a simulated Linux host and "
                        "judge it as packetdrill would; prints pass or the first failing line "
                        "(--trace and --pcap write the run)"),
         QStringLiteral("FILE")},
        {kFromCapture,
         QStringLiteral("read a pcap or pcapng capture instead of a scenario: every TCP "
                        "connection in it with both sides' states inferred from the packets (more "
                        "than 50 connections: a summary; --connection N, --sockets-at, --csv)"),
         QStringLiteral("FILE")},
        {kReplay,
         QStringLiteral("with --from-capture: replay the capture through the engine with SIDE "
                        "(client, server or an IPv4 address) as a Linux host, the other side's "
                        "packets injected at their capture times, and print where the captured "
                        "host differs from Linux (--connection N: that connection only; --trace "
                        "and --pcap write the replay)"),
         QStringLiteral("SIDE")},
        {kProfile,
         QStringLiteral("for --replay: the Linux host's kernel profile: linux-6 (default), "
                        "linux-4.19, linux-4.12, linux-3.10 or rfc9293"),
         QStringLiteral("KEY")},
        {kSysctl,
         QStringLiteral("for --replay: set a sysctl of the Linux host, such as "
                        "net.ipv4.tcp_tw_reuse=1 (repeat for more)"),
         QStringLiteral("NAME=VALUE")},
        {kCapturePoint,
         QStringLiteral("for --replay: where the capture was taken: auto (default: the host that "
                        "answers the handshake within microseconds), linux-host or peer"),
         QStringLiteral("POINT")},
        {kTrace,
         QStringLiteral("also write the trace as JSON lines to FILE (\"-\": standard output, "
                        "instead of the diagram)"),
         QStringLiteral("FILE")},
        {kPcap,
         QStringLiteral("also write the segments as a pcap capture (Wireshark, tshark) to FILE "
                        "(\"-\": standard output, instead of the diagram)"),
         QStringLiteral("FILE")},
        {kPcapAt,
         QStringLiteral("take the --pcap capture at HOST, as tcpdump there would: what it sends "
                        "when it sends it, what reaches it when it arrives (default: on the "
                        "wire, every segment at its send time)"),
         QStringLiteral("HOST")},
        {kToPacketdrill,
         QStringLiteral("write the run as a packetdrill script in which HOST is the kernel under "
                        "test and the other host's segments are injected, to run the scenario on "
                        "a real kernel (to standard output, instead of the diagram, unless "
                        "--packetdrill-out names a file)"),
         QStringLiteral("HOST")},
        {kPacketdrillOut,
         QStringLiteral("write the --to-packetdrill script to FILE (\"-\": standard output)"),
         QStringLiteral("FILE")},
        {kMermaid,
         QStringLiteral("also write the sequence diagram as Mermaid text to FILE (for notes, "
                        "blogs and slides)"),
         QStringLiteral("FILE")},
        {kPlantUml, QStringLiteral("also write the sequence diagram as PlantUML text to FILE"),
         QStringLiteral("FILE")},
#ifdef TDL_CLI_PDF
        {kPdf,
         QStringLiteral("also write a handout to FILE as PDF: the diagram as the desktop program "
                        "paints it and why each step happened, in the --lang language"),
         QStringLiteral("FILE")},
        {kRender,
         QStringLiteral("also draw the sequence diagram as presentation mode paints it, for a "
                        "slide: to FILE.png or FILE.svg, in the --lang language"),
         QStringLiteral("FILE")},
        {kAt,
         QStringLiteral("for --render: the diagram at TIME, such as \"1.2s\" or \"260ms\", "
                        "with the time cursor there (default: the end of the run, no cursor)"),
         QStringLiteral("TIME")},
        {kScale,
         QStringLiteral("for --render: the presentation scale, 0.5 to 6; 1 is 12-pixel text "
                        "(default: presentation mode's for the size, 1.5 at 768 pixels high)"),
         QStringLiteral("N")},
        {kSize,
         QStringLiteral("for --render: the slide's size in pixels, 200 to 8192 each way "
                        "(default 1920x1080)"),
         QStringLiteral("WIDTHxHEIGHT")},
#endif
        {kAbsolute,
         QStringLiteral("absolute sequence numbers (default: relative to each side's ISN)")},
        {kAscii, QStringLiteral("draw the diagram with ASCII characters only")},
        {kGap,
         QStringLiteral("compress quiet stretches of at least DURATION, such as 500ms or 2s "
                        "(default 1s)"),
         QStringLiteral("DURATION")},
        {kLang,
         QStringLiteral("explain causes in words, in LANG: en or zh_CN (default: stable cause "
                        "keys such as rcv_fin, for scripts)"),
         QStringLiteral("LANG")},
        {kSeed, QStringLiteral("run with seed N instead of the scenario's own"),
         QStringLiteral("N")},
        {kCsv, QStringLiteral("for a load scenario: write the sampled counters as CSV to FILE"),
         QStringLiteral("FILE")},
        {kSocketsAt,
         QStringLiteral("for a load scenario: list the sockets alive at TIME (\"90s\"), as ss "
                        "-tano would, instead of the summary"),
         QStringLiteral("TIME")},
        {kConnection,
         QStringLiteral("for a load scenario: show connection N (0 = the first) in full, as a "
                        "diagram, trace or pcap, instead of the load summary"),
         QStringLiteral("N")},
        {kQuiz,
         QStringLiteral("take the quiz of a built-in scenario (NAME) or a scenario file "
                        "(ending in .json): questions at the lesson's key moments, answers typed "
                        "as letters on standard input"),
         QStringLiteral("NAME|FILE")},
        {kVersion, QStringLiteral("print the version and exit")},
        {{QStringLiteral("h"), kHelp}, QStringLiteral("show this help and exit")},
    };
}

void defineOptions(QCommandLineParser& parser) {
    // "-name" is "--name", as the hand-written parser before this one took it, not "-n -a -m -e".
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(optionTable());
    parser.addPositionalArgument(
        QStringLiteral("SCENARIO.json"),
        QStringLiteral("the scenario to run (\"-\": read it from standard input)"));
}

std::string quoted(const QString& text) {
    return '"' + text.toStdString() + '"';
}

// QCommandLineParser names the unknown options but reports a missing or unexpected value only
// as text ("Missing value after '--trace'."), which quotes the option as it was typed; whether
// the option takes a value tells the two apart. Anything else is passed on as Qt words it.
std::string parseErrorMessage(const QCommandLineParser& parser, const QStringList& arguments) {
    const auto nameOf = [](const QString& argument) {
        const QString withoutDashes =
            argument.mid(argument.startsWith(QStringLiteral("--")) ? 2 : 1);
        return withoutDashes.section(QLatin1Char('='), 0, 0);
    };
    if (const QStringList unknown = parser.unknownOptionNames(); !unknown.isEmpty()) {
        const auto typed =
            std::find_if(arguments.begin() + 1, arguments.end(), [&](const QString& a) {
                return a.startsWith(QLatin1Char('-')) && nameOf(a) == unknown.front();
            });
        return "expected an option from --help, found " +
               quoted(typed != arguments.end() ? typed->section(QLatin1Char('='), 0, 0)
                                               : "--" + unknown.front());
    }
    const QString error = parser.errorText();
    const qsizetype open = error.indexOf(QLatin1Char('\''));
    const qsizetype close = error.lastIndexOf(QLatin1Char('\''));
    if (open < 0 || close <= open + 1) {
        return error.toStdString();
    }
    const QString option = error.mid(open + 1, close - open - 1);
    const QList<QCommandLineOption> table = optionTable();
    const bool takesValue =
        std::any_of(table.begin(), table.end(), [&](const QCommandLineOption& o) {
            return o.names().contains(nameOf(option)) && !o.valueName().isEmpty();
        });
    if (takesValue) {
        return option.toStdString() + ": expected a value after it, found none";
    }
    const auto withValue =
        std::find_if(arguments.begin() + 1, arguments.end(),
                     [&](const QString& a) { return a.startsWith(option + '='); });
    if (withValue == arguments.end()) {
        return error.toStdString();
    }
    return option.toStdString() + ": expected no value, found " +
           quoted(withValue->mid(option.size() + 1));
}

std::optional<std::uint64_t> parseUnsigned(const std::string& text) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

#ifdef TDL_CLI_PDF
void parseRenderOptions(const QCommandLineParser& parser, Options& options) {
    const auto optional = [&](const QString& name) -> std::optional<std::string> {
        if (!parser.isSet(name)) {
            return std::nullopt;
        }
        return parser.value(name).toStdString();
    };
    options.renderPath = optional(kRender);
    if (options.renderPath) {
        const QString path = QString::fromStdString(*options.renderPath);
        if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) &&
            !path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
            throw UsageError{"--render: expected a file name ending in .png or .svg, found \"" +
                             *options.renderPath + '"'};
        }
    }
    if (const auto at = optional(kAt)) {
        options.renderAt = parseDurationText(*at);
        if (!options.renderAt || *options.renderAt < Duration::zero()) {
            throw UsageError{"--at: expected a time such as \"1.2s\" or \"260ms\", found \"" + *at +
                             '"'};
        }
    }
    if (const auto scale = optional(kScale)) {
        bool ok = false;
        const double value = QString::fromStdString(*scale).toDouble(&ok);
        if (!ok || !(value >= kLeastRenderScale && value <= kMostRenderScale)) {
            throw UsageError{"--scale: expected a number from 0.5 to 6, found \"" + *scale + '"'};
        }
        options.renderScale = value;
    }
    if (const auto size = optional(kSize)) {
        const QStringList sides = QString::fromStdString(*size).split(QLatin1Char('x'));
        bool wide = false;
        bool high = false;
        const int width = sides.size() == 2 ? sides[0].toInt(&wide) : 0;
        const int height = sides.size() == 2 ? sides[1].toInt(&high) : 0;
        const auto inRange = [](int side) {
            return side >= kLeastRenderSide && side <= kMostRenderSide;
        };
        if (!wide || !high || !inRange(width) || !inRange(height)) {
            throw UsageError{"--size: expected WIDTHxHEIGHT in pixels, each 200 to 8192, such as "
                             "1920x1080, found \"" +
                             *size + '"'};
        }
        options.renderWidth = width;
        options.renderHeight = height;
    }
    if (!options.renderPath) {
        for (const QString& name : {kAt, kScale, kSize}) {
            if (parser.isSet(name)) {
                throw UsageError{"--" + name.toStdString() +
                                 ": expected --render FILE beside it, found none"};
            }
        }
    }
}
#endif

// --replay and the options that only go with it.
void parseReplayOptions(const QCommandLineParser& parser, Options& options) {
    if (!parser.isSet(kReplay)) {
        for (const QString& name : {kProfile, kSysctl, kCapturePoint}) {
            if (parser.isSet(name)) {
                throw UsageError{"--" + name.toStdString() +
                                 ": expected --replay SIDE beside it, found none"};
            }
        }
        return;
    }
    const std::string side = parser.value(kReplay).toStdString();
    if (options.capturePath.empty()) {
        throw UsageError{"--replay: expected --from-capture FILE beside it, found none"};
    }
    if (options.socketsAt || options.csvPath) {
        throw UsageError{std::string(options.socketsAt ? "--sockets-at" : "--csv") +
                         ": expected no load output beside --replay, found one"};
    }
    ReplayOptions replay;
    if (!parseReplaySide(side, replay.side)) {
        throw UsageError{"--replay: expected client, server or an IPv4 address such as "
                         "10.0.0.2, found \"" +
                         side + '"'};
    }
    if (parser.isSet(kProfile)) {
        const std::string key = parser.value(kProfile).toStdString();
        if (!parseProfileKey(key, replay.profile)) {
            throw UsageError{"--profile: expected linux-6, linux-4.19, linux-4.12, linux-3.10 or "
                             "rfc9293, found \"" +
                             key + '"'};
        }
    }
    replay.sysctls = defaultSysctls(replay.profile);
    for (const QString& setting : parser.values(kSysctl)) {
        const std::string text = setting.toStdString();
        const std::size_t equals = text.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw UsageError{"--sysctl: expected NAME=VALUE such as net.ipv4.tcp_tw_reuse=1, "
                             "found \"" +
                             text + '"'};
        }
        if (auto refusal = setSysctl(replay.sysctls, replay.profile, text.substr(0, equals),
                                     text.substr(equals + 1), replay.hz)) {
            throw UsageError{"--sysctl " + text + ": " + *refusal};
        }
    }
    if (parser.isSet(kCapturePoint)) {
        const std::string key = parser.value(kCapturePoint).toStdString();
        if (!parseCapturePointKey(key, replay.capturePoint)) {
            throw UsageError{"--capture-point: expected auto, linux-host or peer, found \"" + key +
                             '"'};
        }
    }
    if (options.connection) {
        replay.connection =
            static_cast<std::uint32_t>(std::min<std::uint64_t>(*options.connection, UINT32_MAX));
    }
    options.replay = replay;
}

} // namespace

Options parseArguments(const QStringList& arguments) {
    QCommandLineParser parser;
    defineOptions(parser);
    if (!parser.parse(arguments)) {
        throw UsageError{parseErrorMessage(parser, arguments)};
    }
    const auto text = [&](const QString& name) { return parser.value(name).toStdString(); };
    const auto optional = [&](const QString& name) -> std::optional<std::string> {
        if (!parser.isSet(name)) {
            return std::nullopt;
        }
        return text(name);
    };

    Options options;
    options.help = parser.isSet(kHelp);
    options.version = parser.isSet(kVersion);
    options.listPresets = parser.isSet(kListPresets);
    options.diagram.absoluteSequenceNumbers = parser.isSet(kAbsolute);
    options.diagram.asciiOnly = parser.isSet(kAscii);
    options.preset = text(kPreset);
    options.packetdrillPath = text(kPacketdrill);
    options.capturePath = text(kFromCapture);
    options.tracePath = optional(kTrace);
    options.pcapPath = optional(kPcap);
    options.pcapAt = optional(kPcapAt);
    options.exportHost = optional(kToPacketdrill);
    options.exportPath = optional(kPacketdrillOut);
    if (options.exportHost && !options.exportPath) {
        options.exportPath = std::string(kStandardStream);
    }
    options.csvPath = optional(kCsv);
    options.mermaidPath = optional(kMermaid);
    options.plantUmlPath = optional(kPlantUml);
#ifdef TDL_CLI_PDF
    options.pdfPath = optional(kPdf);
    parseRenderOptions(parser, options);
#endif

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        throw UsageError{"expected one scenario file, found a second: " + quoted(positional[1])};
    }
    if (!positional.isEmpty()) {
        options.scenarioPath = positional.front().toStdString();
    }
    if (const auto seed = optional(kSeed)) {
        options.seed = parseUnsigned(*seed);
        if (!options.seed) {
            throw UsageError{"--seed: expected an integer in 0..18446744073709551615, found \"" +
                             *seed + '"'};
        }
    }
    if (const auto language = optional(kLang)) {
        if (!ui::Translations::languages().contains(QString::fromStdString(*language))) {
            throw UsageError{"--lang: expected en or zh_CN, found \"" + *language + '"'};
        }
        options.language = language;
    }
    if (const auto connection = optional(kConnection)) {
        options.connection = parseUnsigned(*connection);
        if (!options.connection) {
            throw UsageError{"--connection: expected a connection number (0, 1, ...), found \"" +
                             *connection + '"'};
        }
    }
    if (const auto at = optional(kSocketsAt)) {
        options.socketsAt = parseDurationText(*at);
        if (!options.socketsAt || *options.socketsAt < Duration::zero()) {
            throw UsageError{"--sockets-at: expected a time such as \"90s\" or \"2min\", found \"" +
                             *at + '"'};
        }
    }
    if (const auto gap = optional(kGap)) {
        const std::optional<Duration> parsed = parseDurationText(*gap);
        if (!parsed || *parsed <= Duration::zero()) {
            throw UsageError{"--gap: expected a duration such as \"500ms\" or \"2s\", found \"" +
                             *gap + '"'};
        }
        options.diagram.idleGap = *parsed;
    }

    if (options.help || options.version || options.listPresets) {
        return options;
    }
    parseReplayOptions(parser, options);
    if (const auto quiz = optional(kQuiz)) {
        if (!options.preset.empty() || !options.scenarioPath.empty()) {
            throw UsageError{"--quiz: expected the scenario after it alone, found " +
                             std::string(options.preset.empty() ? "a scenario file" : "--preset") +
                             " as well"};
        }
        if (*quiz == kStandardStream) {
            throw UsageError{"--quiz: expected a preset name or a file (standard input carries "
                             "the answers), found \"-\""};
        }
        options.quiz = true;
        (quiz->ends_with(".json") ? options.scenarioPath : options.preset) = *quiz;
        const bool otherOutput = options.tracePath || options.pcapPath || options.mermaidPath ||
                                 options.plantUmlPath || options.pdfPath || options.csvPath ||
                                 options.socketsAt || options.connection;
        if (otherOutput) {
            throw UsageError{"--quiz: expected no other output option beside it, found one"};
        }
    }
    if (!options.packetdrillPath.empty()) {
        if (!options.preset.empty() || !options.scenarioPath.empty()) {
            throw UsageError{"--packetdrill: expected no scenario file or --preset beside it, "
                             "found one"};
        }
        if (options.exportHost) {
            throw UsageError{"--to-packetdrill: expected a scenario file or --preset, found "
                             "--packetdrill"};
        }
        if (options.tracePath == kStandardStream && options.pcapPath == kStandardStream) {
            throw UsageError{"--trace and --pcap: expected at most one output on standard "
                             "output (\"-\"), found both"};
        }
        return options;
    }
    if (!options.capturePath.empty()) {
        if (!options.preset.empty() || !options.scenarioPath.empty()) {
            throw UsageError{"--from-capture: expected no scenario file or --preset beside it, "
                             "found one"};
        }
        if (options.pcapAt) {
            throw UsageError{"--pcap-at: a capture has no simulated hosts to capture at"};
        }
        if (options.pcapPath == kStandardStream && options.tracePath == kStandardStream) {
            throw UsageError{"--trace and --pcap: expected at most one output on standard output "
                             "(\"-\"), found both"};
        }
        return options;
    }
    if (!options.preset.empty() && !options.scenarioPath.empty()) {
        throw UsageError{"expected a scenario file or --preset, found both"};
    }
    if (options.preset.empty() && options.scenarioPath.empty()) {
        throw UsageError{"expected a scenario file or --preset NAME, found neither (see --help)"};
    }
    std::string toStandardOutput;
    for (const auto& [name, path] :
         {std::pair{kTrace, options.tracePath}, std::pair{kPcap, options.pcapPath},
          std::pair{kMermaid, options.mermaidPath}, std::pair{kPlantUml, options.plantUmlPath},
          std::pair{kToPacketdrill, options.exportPath}}) {
        if (path != kStandardStream) {
            continue;
        }
        if (!toStandardOutput.empty()) {
            throw UsageError{toStandardOutput + " and --" + name.toStdString() +
                             ": expected at most one output on standard output (\"-\"), found "
                             "both"};
        }
        toStandardOutput = "--" + name.toStdString();
    }
    if (options.pdfPath == kStandardStream) {
        throw UsageError{"--pdf: expected a file name, found \"-\""};
    }
    if (options.exportPath && !options.exportHost) {
        throw UsageError{"--packetdrill-out: expected --to-packetdrill HOST beside it, found none"};
    }
    if (options.pcapAt && !options.pcapPath) {
        throw UsageError{"--pcap-at: expected --pcap FILE beside it, found none"};
    }
    return options;
}

std::string helpText() {
    QCommandLineParser parser;
    defineOptions(parser);
    // Qt's own text starts with a usage line naming the program as it was started; ours names it
    // as it is installed and shows the three ways to call it.
    const QString generated = parser.helpText();
    const QString options = generated.mid(generated.indexOf(QLatin1Char('\n')) + 1).trimmed();
    return std::string(kUsage) + options.toStdString() + '\n' + std::string(kExitStatusAndExamples);
}

} // namespace tdl::cli
