#include "pcap_reader.h"
#include "quiz.h"
#include "scenario_json.h"
#include "simulator.h"
#include "version.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <pty.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tdl {
namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string shellQuoted(const std::string& argument) {
    std::string out = "'";
    for (const char c : argument) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + '\'';
}

// Runs the built teardown-cli in a fresh folder, which is also where relative output paths go.
class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() /
                  ("tdl-io-cli-" + std::to_string(::getpid()) + '-' +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }

    // Standard input is `input`, or the file `inputPath` if one is given.
    CliRun run(const std::vector<std::string>& arguments, const std::string& input = {},
               const std::string& inputPath = {}) const {
        std::string command =
            "cd " + shellQuoted(folder_.string()) + " && " + shellQuoted(TDL_CLI_PATH);
        for (const std::string& argument : arguments) {
            command += ' ' + shellQuoted(argument);
        }
        command += " <" + shellQuoted(inputPath.empty() ? write("stdin.txt", input) : inputPath);
        const std::filesystem::path out = folder_ / "stdout.txt";
        const std::filesystem::path err = folder_ / "stderr.txt";
        command += " >" + shellQuoted(out.string()) + " 2>" + shellQuoted(err.string());
        const int status = std::system(command.c_str());
        CliRun result;
        result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.out = readFile(out);
        result.err = readFile(err);
        return result;
    }

    std::string write(const std::string& name, const std::string& text) const {
        const std::filesystem::path path = folder_ / name;
        std::ofstream(path) << text;
        return path.string();
    }

    std::filesystem::path folder_;
};

TEST_F(Cli, Help_ExitsZeroWithUsage) {
    const CliRun result = run({"--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.out.starts_with("Usage: teardown-cli")) << result.out;
    EXPECT_EQ(result.err, "");
}

TEST_F(Cli, Help_DocumentsEveryOptionTheExitStatusAndExamples) {
    const CliRun result = run({"-h"});
    EXPECT_EQ(result.exitCode, 0);
    for (const std::string option :
         {"--preset", "--list-presets", "--packetdrill", "--trace", "--pcap", "--pcap-at",
          "--to-packetdrill", "--packetdrill-out", "--absolute", "--ascii", "--gap", "--lang",
          "--seed", "--csv", "--sockets-at", "--connection", "--quiz", "--version", "-h, --help"}) {
        EXPECT_NE(result.out.find("\n  " + option + ' '), std::string::npos) << option;
    }
    EXPECT_NE(result.out.find("Exit status:\n  0  success\n  1  "), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Examples:\n  teardown-cli --preset four-way-close\n"),
              std::string::npos)
        << result.out;
}

TEST_F(Cli, Version_PrintsTheProgramAndItsVersion) {
    const CliRun result = run({"--version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_EQ(result.out, "teardown-cli " + std::string(kVersion) + '\n');
    EXPECT_EQ(result.err, "");
}

TEST_F(Cli, Preset_PrintsTheFourWayClose) {
    const CliRun result = run({"--preset", "four-way-close"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_NE(result.out.find("client 10.0.0.1"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("[FIN,ACK]"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("TIME-WAIT"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("end of run"), std::string::npos) << result.out;
}

TEST_F(Cli, ListPresets_NamesTheBuiltInScenario) {
    const CliRun result = run({"--list-presets"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("four-way-close"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("The four-way close"), std::string::npos) << result.out;
}

TEST_F(Cli, EveryPreset_RunsToExitZero) {
    const CliRun list = run({"--list-presets"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    std::istringstream lines(list.out);
    std::string line;
    int presets = 0;
    while (std::getline(lines, line)) {
        const std::string name = line.substr(0, line.find(' '));
        const CliRun result = run({"--preset", name});
        EXPECT_EQ(result.exitCode, 0) << name << ": " << result.err;
        EXPECT_EQ(result.err, "") << name;
        ++presets;
    }
    EXPECT_GE(presets, 26);
}

TEST_F(Cli, LoadPreset_SummaryCsvAndOneConnection) {
    const CliRun summary = run({"--preset", "load/server-tw-buckets", "--csv", "series.csv"});
    ASSERT_EQ(summary.exitCode, 0) << summary.err;
    EXPECT_NE(summary.out.find("TIME_WAIT"), std::string::npos) << summary.out;
    const std::string csv = readFile(folder_ / "series.csv");
    EXPECT_TRUE(csv.starts_with("time_s,host,listen,syn_sent")) << csv.substr(0, 200);
    EXPECT_NE(csv.find(",server,"), std::string::npos);

    const CliRun one = run({"--preset", "load/server-tw-buckets", "--connection", "7"});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_NE(one.out.find("[SYN]"), std::string::npos) << one.out;
    EXPECT_NE(one.out.find("TIME-WAIT"), std::string::npos) << one.out;

    const CliRun notLoad = run({"--preset", "four-way-close", "--csv", "x.csv"});
    EXPECT_EQ(notLoad.exitCode, 2);
    EXPECT_NE(notLoad.err.find("--csv needs a load scenario"), std::string::npos) << notLoad.err;
}

// The server closes first, so its TIME_WAIT records hold the 4-tuples; at 70 s the buckets are
// full (tcp_max_tw_buckets), and ss would list the listener and those records.
TEST_F(Cli, LoadPreset_SocketsAtListsWhatSsWouldShow) {
    const CliRun table = run({"--preset", "load/server-tw-buckets", "--sockets-at", "70s"});
    ASSERT_EQ(table.exitCode, 0) << table.err;
    EXPECT_TRUE(table.out.starts_with("at 70s:\n")) << table.out.substr(0, 300);
    EXPECT_NE(table.out.find("LISTEN      0      0      10.0.0.2:80"), std::string::npos)
        << table.out.substr(0, 2000);
    EXPECT_NE(table.out.find("timer:(timewait,"), std::string::npos) << table.out.substr(0, 2000);

    const CliRun bad = run({"--preset", "load/server-tw-buckets", "--sockets-at", "soon"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--sockets-at: expected a time such as"), std::string::npos) << bad.err;
}

TEST_F(Cli, Lang_ExplainsCausesFromTheGuisCatalog) {
    const CliRun chinese = run({"--preset", "four-way-close", "--lang", "zh_CN"});
    ASSERT_EQ(chinese.exitCode, 0) << chinese.err;
    EXPECT_NE(chinese.out.find("对端的 FIN 到达"), std::string::npos) << chinese.out;
    EXPECT_EQ(chinese.out.find("rcv_fin"), std::string::npos) << chinese.out;

    const CliRun english = run({"--preset", "four-way-close", "--lang", "en"});
    ASSERT_EQ(english.exitCode, 0) << english.err;
    EXPECT_NE(english.out.find("The peer's FIN arrived"), std::string::npos) << english.out;

    const CliRun keys = run({"--preset", "four-way-close"});
    EXPECT_NE(keys.out.find("rcv_fin"), std::string::npos) << keys.out;

    const CliRun bad = run({"--preset", "four-way-close", "--lang", "fr"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.err, "teardown-cli: --lang: expected en or zh_CN, found \"fr\"\n");
}

// The letters that answer the preset's quiz: the right ones, or each question's first wrong one.
std::string quizAnswers(const std::string& preset, bool right) {
    LoadResult loaded =
        loadScenario(std::string(TDL_SOURCE_DIR) + "/resources/scenarios/" + preset + ".json");
    const Scenario& scenario = std::get<Scenario>(loaded);
    const Trace trace = simulate(scenario);
    std::string answers;
    for (const Question& q : makeQuiz(scenario, trace, scenario.seed).questions) {
        const std::size_t pick = right ? q.answer : (q.answer == 0 ? 1 : 0);
        answers += std::string(1, static_cast<char>('a' + pick)) + '\n';
    }
    return answers;
}

TEST_F(Cli, Quiz_RightAnswersScoreFullMarksWithAnExplanationAfterEach) {
    const std::string answers = quizAnswers("lost-final-ack", true);
    const auto asked = std::count(answers.begin(), answers.end(), '\n');
    ASSERT_GE(asked, 3);
    const CliRun result = run({"--quiz", "lost-final-ack"}, answers);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(result.out.starts_with("Quiz: The last ACK is lost (")) << result.out;
    EXPECT_NE(result.out.find("What does server send next?\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("  a) "), std::string::npos);
    const auto count = [&](const std::string& word) {
        std::size_t n = 0;
        for (std::size_t at = result.out.find(word); at != std::string::npos;
             at = result.out.find(word, at + 1)) {
            ++n;
        }
        return static_cast<long>(n);
    };
    EXPECT_EQ(count("Right. The answer is "), asked) << result.out;
    EXPECT_EQ(count("The trace shows it: "), asked);
    // A key moment's caption follows its answers.
    EXPECT_NE(result.out.find("The client's last ACK is lost."), std::string::npos);
    EXPECT_TRUE(result.out.ends_with("Score: " + std::to_string(asked) + " of " +
                                     std::to_string(asked) + "\n"))
        << result.out;
}

TEST_F(Cli, Quiz_WrongAnswersAndABadLetterAreToldAndTheScoreSaysSo) {
    const std::string answers = "z\n" + quizAnswers("four-way-close", false);
    const auto asked = std::count(answers.begin(), answers.end(), '\n') - 1;
    const CliRun result = run({"--quiz", "four-way-close"}, answers);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Expected a letter from a to d, or q, found \"z\"."),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Not quite. The answer is "), std::string::npos);
    EXPECT_TRUE(result.out.ends_with("Score: 0 of " + std::to_string(asked) + "\n")) << result.out;
}

TEST_F(Cli, Quiz_EndsOnQOrWhenStandardInputEnds) {
    const CliRun quit = run({"--quiz", "four-way-close"}, "q\n");
    EXPECT_EQ(quit.exitCode, 0);
    EXPECT_TRUE(quit.out.ends_with("Score: 0 of 0\n")) << quit.out;
    const CliRun ended = run({"--quiz", "four-way-close"}, "");
    EXPECT_EQ(ended.exitCode, 1);
    EXPECT_NE(ended.out.find("Standard input ended before the answer."), std::string::npos);
}

TEST_F(Cli, Quiz_InChineseAndFromAFile) {
    const CliRun chinese =
        run({"--quiz", "four-way-close", "--lang", "zh_CN"}, quizAnswers("four-way-close", true));
    EXPECT_EQ(chinese.exitCode, 0) << chinese.err;
    EXPECT_TRUE(chinese.out.starts_with("测验：四次挥手")) << chinese.out;
    EXPECT_NE(chinese.out.find("现在处于什么状态？"), std::string::npos) << chinese.out;
    EXPECT_NE(chinese.out.find("答对了。答案是 "), std::string::npos) << chinese.out;
    EXPECT_NE(chinese.out.find("客户端调用 close()"), std::string::npos)
        << "the caption in Chinese";

    const std::string file =
        std::string(TDL_SOURCE_DIR) + "/resources/scenarios/four-way-close.json";
    const CliRun fromFile = run({"--quiz", file}, quizAnswers("four-way-close", true));
    EXPECT_EQ(fromFile.exitCode, 0) << fromFile.err;
    EXPECT_TRUE(fromFile.out.starts_with("Quiz: The four-way close")) << fromFile.out;

    const CliRun both = run({"--quiz", "four-way-close", "--preset", "lost-final-ack"});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_EQ(both.err, "teardown-cli: --quiz: expected the scenario after it alone, found "
                        "--preset as well\n");
}

TEST_F(Cli, MissingFile_ExitsTwoWithOneLine) {
    const CliRun result = run({"missing.json"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "teardown-cli: missing.json: expected a readable scenario file, found No "
                          "such file or directory\n");
    EXPECT_EQ(result.out, "");
}

TEST_F(Cli, BadScenario_ExitsTwoNamingFileAndField) {
    const std::string path = write("four.json", R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "client", "address": "10.0.0"}]})");
    const CliRun result = run({"four.json"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "teardown-cli: four.json: /hosts/0/address: expected a unicast IPv4 "
                          "address such as \"10.0.0.1\", found \"10.0.0\"\n");
}

TEST_F(Cli, BadUsage_ExitsTwoWithOneLine) {
    struct Case {
        std::vector<std::string> arguments;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--frobnicate"}, "expected an option from --help, found \"--frobnicate\""},
        {{}, "expected a scenario file or --preset NAME, found neither (see --help)"},
        {{"a.json", "b.json"}, "expected one scenario file, found a second: \"b.json\""},
        {{"--seed", "abc", "a.json"},
         "--seed: expected an integer in 0..18446744073709551615, found \"abc\""},
        {{"--trace"}, "--trace: expected a value after it, found none"},
        {{"--ascii=yes", "a.json"}, "--ascii: expected no value, found \"yes\""},
        {{"--gap", "soon", "a.json"},
         "--gap: expected a duration such as \"500ms\" or \"2s\", found \"soon\""},
        {{"--preset", "../secret"},
         "--preset: expected a name such as \"four-way-close\", found \"../secret\""},
        {{"--preset", "four-way-close", "a.json"},
         "expected a scenario file or --preset, found both"},
        {{"-x", "a.json"}, "expected an option from --help, found \"-x\""},
        {{"--frob=3", "a.json"}, "expected an option from --help, found \"--frob\""},
        {{"a.json", "-gap"}, "-gap: expected a value after it, found none"},
        {{"--help=please"}, "--help: expected no value, found \"please\""},
        {{"--connection", "first", "a.json"},
         "--connection: expected a connection number (0, 1, ...), found \"first\""},
        {{"a.json", "--trace", "-", "--pcap", "-"},
         "--trace and --pcap: expected at most one output on standard output (\"-\"), found both"},
        {{"a.json", "--pcap-at", "client"},
         "--pcap-at: expected --pcap FILE beside it, found none"},
        {{"a.json", "--packetdrill-out", "x.pkt"},
         "--packetdrill-out: expected --to-packetdrill HOST beside it, found none"},
        {{"a.json", "--pcap", "-", "--to-packetdrill", "server"},
         "--pcap and --to-packetdrill: expected at most one output on standard output (\"-\"), "
         "found both"},
        {{"--preset", "four-way-close", "--pcap", "x.pcap", "--pcap-at", "router"},
         "--pcap-at: expected a host of the scenario (client, server), found \"router\""},
    };
    for (const Case& c : cases) {
        const CliRun result = run(c.arguments);
        EXPECT_EQ(result.exitCode, 2) << c.message;
        EXPECT_EQ(result.err, "teardown-cli: " + c.message + '\n');
        EXPECT_EQ(result.out, "");
    }
}

TEST_F(Cli, UnknownPreset_ListsTheKnownOnes) {
    const CliRun result = run({"--preset", "five-way-close"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.starts_with("teardown-cli: --preset: expected one of ")) << result.err;
    EXPECT_NE(result.err.find("four-way-close"), std::string::npos) << result.err;
    EXPECT_TRUE(result.err.ends_with(", found \"five-way-close\"\n")) << result.err;
}

TEST_F(Cli, TraceToStandardOutput_IsJsonLinesOnly) {
    const CliRun result = run({"--preset", "four-way-close", "--trace", "-"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    std::istringstream lines(result.out);
    std::string line;
    ASSERT_TRUE(std::getline(lines, line));
    EXPECT_EQ(nlohmann::json::parse(line).at("format"), "teardown-lab-trace");
    int facts = 0;
    while (std::getline(lines, line)) {
        EXPECT_TRUE(nlohmann::json::parse(line).contains("kind")) << line;
        ++facts;
    }
    EXPECT_GT(facts, 10);
}

TEST_F(Cli, TraceAndPcapFiles_AreWrittenBesideTheDiagram) {
    const CliRun result = run(
        {"--preset=four-way-close", "--trace", "trace.jsonl", "--pcap", "close.pcap", "--ascii"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("[FIN,ACK]"), std::string::npos);
    for (const char c : result.out) {
        ASSERT_LT(static_cast<unsigned char>(c), 0x80) << "--ascii output is 7-bit";
    }
    EXPECT_TRUE(readFile(folder_ / "trace.jsonl").starts_with(R"({"format":"teardown-lab-trace")"));
    const test::Capture capture = test::readCapture((folder_ / "close.pcap").string());
    EXPECT_EQ(capture.error, "");
    EXPECT_GE(capture.packets.size(), 9U) << "handshake, data, ACKs and four segments of close";
}

TEST_F(Cli, Markup_IsTheGoldenMermaidAndPlantUmlOfTheFourWayClose) {
    const std::filesystem::path golden = std::filesystem::path(TDL_SOURCE_DIR) / "tests/io/golden";
    const CliRun mermaid = run({"--preset", "four-way-close", "--mermaid", "-"});
    ASSERT_EQ(mermaid.exitCode, 0) << mermaid.err;
    EXPECT_EQ(mermaid.out, readFile(golden / "four-way-close.mmd")) << "the diagram is not printed";
    const CliRun plantUml =
        run({"--preset", "four-way-close", "--plantuml", "close.puml", "--mermaid", "close.mmd"});
    ASSERT_EQ(plantUml.exitCode, 0) << plantUml.err;
    EXPECT_NE(plantUml.out.find("[FIN,ACK]"), std::string::npos) << "files: the diagram is printed";
    EXPECT_EQ(readFile(folder_ / "close.puml"), readFile(golden / "four-way-close.puml"));
    EXPECT_EQ(readFile(folder_ / "close.mmd"), readFile(golden / "four-way-close.mmd"));
}

TEST_F(Cli, Markup_TakesStandardOutputOnlyAlone) {
    const CliRun result = run({"--preset", "four-way-close", "--plantuml", "-", "--pcap", "-"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "teardown-cli: --pcap and --plantuml: expected at most one output on "
                          "standard output (\"-\"), found both\n");
}

#ifdef TDL_CLI_HAS_PDF
TEST_F(Cli, Pdf_WritesAPagedHandoutInTheChosenLanguage) {
    const CliRun result =
        run({"--preset", "four-way-close", "--pdf", "close.pdf", "--lang", "zh_CN"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string pdf = readFile(folder_ / "close.pdf");
    ASSERT_TRUE(pdf.starts_with("%PDF-")) << "not a PDF: " << pdf.substr(0, 16);
    if (std::system("command -v pdftotext >/dev/null") != 0) {
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed: the text is not checked";
    }
    const std::string command = "pdftotext " + shellQuoted((folder_ / "close.pdf").string()) + " " +
                                shellQuoted((folder_ / "close.txt").string());
    ASSERT_EQ(std::system(command.c_str()), 0);
    const std::string words = readFile(folder_ / "close.txt");
    EXPECT_NE(words.find("TIME-WAIT"), std::string::npos);
    EXPECT_NE(words.find("时序图"), std::string::npos) << "the handout is in Chinese";
}

// The width and height a PNG's header (its IHDR chunk) gives; {0, 0} if it is not a PNG.
std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string& png) {
    static const std::string kSignature = "\x89PNG\r\n\x1a\n";
    if (png.size() < 24 || png.compare(0, kSignature.size(), kSignature) != 0 ||
        png.compare(12, 4, "IHDR") != 0) {
        return {0, 0};
    }
    const auto bigEndian = [&](std::size_t at) {
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            value = value << 8 | static_cast<unsigned char>(png[at + i]);
        }
        return value;
    };
    return {bigEndian(16), bigEndian(20)};
}

TEST_F(Cli, Render_WritesAPngSlideOfTheAskedSize) {
    const CliRun result = run({"--preset", "four-way-close", "--render", "slide.png", "--at",
                               "260ms", "--size", "1280x720", "--scale", "2", "--lang", "zh_CN"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string png = readFile(folder_ / "slide.png");
    EXPECT_EQ(pngSize(png), std::make_pair(1280U, 720U));
    // A blank image compresses to a few hundred bytes; a painted diagram does not.
    EXPECT_GT(png.size(), 20'000U);
    EXPECT_NE(result.out.find("FIN"), std::string::npos) << "the text diagram is still printed";
}

TEST_F(Cli, Render_DefaultsTo1920By1080) {
    const CliRun result = run({"--preset", "lost-final-ack", "--render", "slide.png"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(pngSize(readFile(folder_ / "slide.png")), std::make_pair(1920U, 1080U));
}

TEST_F(Cli, Render_WritesAnSvgSlideOfTheAskedSizeInTheChosenLanguage) {
    const CliRun result = run({"--preset", "four-way-close", "--render", "slide.svg", "--size",
                               "1024x768", "--lang", "zh_CN"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string svg = readFile(folder_ / "slide.svg");
    ASSERT_TRUE(svg.starts_with("<?xml")) << svg.substr(0, 40);
    EXPECT_NE(svg.find("viewBox=\"0 0 1024 768\""), std::string::npos);
    EXPECT_NE(svg.rfind("</svg>"), std::string::npos) << "the file is whole";
    EXPECT_NE(svg.find(">TIME-WAIT<"), std::string::npos);
    EXPECT_NE(svg.find("毫秒"), std::string::npos) << "times are written in Chinese";
}

TEST_F(Cli, Render_RefusesBadValuesWithOneClearMessage) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--render", "slide.jpg"},
         "--render: expected a file name ending in .png or .svg, found \"slide.jpg\""},
        {{"--render", "slide.png", "--at", "soon"},
         "--at: expected a time such as \"1.2s\" or \"260ms\", found \"soon\""},
        {{"--render", "slide.png", "--at", "5min"},
         "--at: expected a time within the run, 0 to 60.384s, found 5min"},
        {{"--render", "slide.png", "--scale", "0"},
         "--scale: expected a number from 0.5 to 6, found \"0\""},
        {{"--render", "slide.png", "--scale", "big"},
         "--scale: expected a number from 0.5 to 6, found \"big\""},
        {{"--render", "slide.png", "--size", "1920"},
         "--size: expected WIDTHxHEIGHT in pixels, each 200 to 8192, such as 1920x1080, found "
         "\"1920\""},
        {{"--render", "slide.png", "--size", "100x9000"},
         "--size: expected WIDTHxHEIGHT in pixels, each 200 to 8192, such as 1920x1080, found "
         "\"100x9000\""},
        {{"--scale", "2"}, "--scale: expected --render FILE beside it, found none"},
    };
    for (const auto& [options, message] : cases) {
        std::vector<std::string> arguments = {"--preset", "four-way-close"};
        arguments.insert(arguments.end(), options.begin(), options.end());
        const CliRun result = run(arguments);
        EXPECT_EQ(result.exitCode, 2) << message;
        EXPECT_NE(result.err.find("teardown-cli: " + message + "\n"), std::string::npos)
            << result.err;
        EXPECT_FALSE(std::filesystem::exists(folder_ / "slide.png")) << message;
    }
}

TEST_F(Cli, Render_IntoAMissingFolderExitsOneNamingTheFile) {
    const CliRun result =
        run({"--preset", "four-way-close", "--render", "no-such-folder/slide.png"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("no-such-folder/slide.png"), std::string::npos) << result.err;
}

TEST_F(Cli, Pdf_RefusesStandardOutput) {
    const CliRun result = run({"--preset", "four-way-close", "--pdf", "-"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("teardown-cli: --pdf: expected a file name, found \"-\"\n"),
              std::string::npos)
        << result.err;
}
#endif

TEST_F(Cli, UnwritablePcap_ExitsOneNamingTheFile) {
    const CliRun result = run({"--preset", "four-way-close", "--pcap", "no/such/folder/x.pcap"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err, "teardown-cli: no/such/folder/x.pcap: cannot create a file in "
                          "no/such/folder: No such file or directory\n");
}

TEST_F(Cli, StandardInput_IsTheScenarioWhenItIsDash) {
    const std::string scenario =
        readFile(std::filesystem::path(TDL_SOURCE_DIR) / "resources/scenarios/four-way-close.json");
    const CliRun fromInput = run({"-"}, scenario);
    ASSERT_EQ(fromInput.exitCode, 0) << fromInput.err;
    EXPECT_EQ(fromInput.out, run({"--preset", "four-way-close"}).out);

    const CliRun bad = run({"-"}, R"({"format": "teardown-lab-scenario", "version": 1,
        "hosts": [{"name": "client", "address": "10.0.0"}]})");
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.err, "teardown-cli: <stdin>: /hosts/0/address: expected a unicast IPv4 "
                       "address such as \"10.0.0.1\", found \"10.0.0\"\n");

    const CliRun folder = run({"-"}, "", "/");
    EXPECT_EQ(folder.exitCode, 2);
    EXPECT_EQ(folder.err, "teardown-cli: <stdin>: expected a readable scenario file, found Is a "
                          "directory\n");

    const CliRun empty = run({"-"});
    EXPECT_EQ(empty.exitCode, 2);
    EXPECT_TRUE(empty.err.starts_with("teardown-cli: <stdin>: byte 1")) << empty.err;
}

TEST_F(Cli, PcapToStandardOutput_IsTheCaptureOnly) {
    const CliRun toFile = run({"--preset", "four-way-close", "--pcap", "close.pcap"});
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    const CliRun toOutput = run({"--preset", "four-way-close", "--pcap", "-"});
    ASSERT_EQ(toOutput.exitCode, 0) << toOutput.err;
    EXPECT_EQ(toOutput.err, "");
    EXPECT_EQ(toOutput.out, readFile(folder_ / "close.pcap")) << "the capture and nothing else";
    EXPECT_EQ(test::readCapture((folder_ / "stdout.txt").string()).error, "");
}

TEST_F(Cli, ToPacketdrill_ScriptOnStandardOutputOrAFile) {
    const CliRun script = run({"--preset", "four-way-close", "--to-packetdrill", "server"});
    ASSERT_EQ(script.exitCode, 0) << script.err;
    EXPECT_TRUE(script.out.starts_with("// The four-way close\n")) << script.out;
    EXPECT_NE(script.out.find("\n0 listen(3, 128) = 0\n"), std::string::npos) << script.out;
    EXPECT_EQ(script.out.find("end of run"), std::string::npos) << "the script, not the diagram";
    const CliRun toFile = run({"--preset", "four-way-close", "--to-packetdrill", "server",
                               "--packetdrill-out", "close.pkt"});
    ASSERT_EQ(toFile.exitCode, 0) << toFile.err;
    EXPECT_NE(toFile.out.find("end of run"), std::string::npos) << "the diagram is printed";
    EXPECT_EQ(readFile(folder_ / "close.pkt"), script.out);
    const CliRun unknown = run({"--preset", "four-way-close", "--to-packetdrill", "router"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.ends_with("four-way-close.json: expected a host of the scenario "
                                      "(client, server), found \"router\"\n"))
        << unknown.err;
    EXPECT_EQ(unknown.out, "");
}

TEST_F(Cli, PcapAt_TakesTheCaptureWhereTheHostSeesIt) {
    ASSERT_EQ(run({"--preset", "four-way-close", "--pcap", "wire.pcap"}).exitCode, 0);
    const CliRun result =
        run({"--preset", "four-way-close", "--pcap", "server.pcap", "--pcap-at", "server"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("[FIN,ACK]"), std::string::npos) << "the diagram is still printed";
    const test::Capture wire = test::readCapture((folder_ / "wire.pcap").string());
    const test::Capture server = test::readCapture((folder_ / "server.pcap").string());
    ASSERT_EQ(server.error, "");
    // Nothing is lost in the four-way close, so the server sees every segment, its own at the
    // same time as the wire and the client's later.
    ASSERT_EQ(server.packets.size(), wire.packets.size());
    const std::uint32_t client = wire.packets.front().sourceAddress;
    for (const test::CapturedPacket& seen : server.packets) {
        const auto same =
            std::find_if(wire.packets.begin(), wire.packets.end(),
                         [&](const test::CapturedPacket& p) { return p.bytes == seen.bytes; });
        ASSERT_NE(same, wire.packets.end());
        if (seen.sourceAddress == client) {
            EXPECT_GT(seen.timeUs, same->timeUs);
        } else {
            EXPECT_EQ(seen.timeUs, same->timeUs);
        }
    }
}

TEST_F(Cli, Seed_ChangesTheInitialSequenceNumbers) {
    const CliRun first = run({"--preset", "four-way-close", "--absolute", "--seed", "1"});
    const CliRun second = run({"--preset", "four-way-close", "--absolute", "--seed", "2"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(first.out, second.out);
    const CliRun relative = run({"--preset", "four-way-close", "--seed", "2"});
    const CliRun relativeAgain = run({"--preset", "four-way-close", "--seed", "3"});
    EXPECT_EQ(relative.out, relativeAgain.out) << "relative numbers hide the ISNs";
}

// Starts teardown-cli with standard output to `outPath` and standard error to `errorFd`, and
// returns its pid.
pid_t spawnCli(const std::vector<std::string>& arguments, const std::string& outPath, int errorFd) {
    std::vector<std::string> all = {TDL_CLI_PATH};
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : all) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, errorFd, STDERR_FILENO);
    pid_t pid = -1;
    const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(error, 0) << std::strerror(error);
    return error == 0 ? pid : -1;
}

// A load of ten million connections: about twenty seconds of work, far more than the test waits.
std::string writeLongLoad(const std::filesystem::path& folder) {
    std::ifstream in(std::string(TDL_SOURCE_DIR) + "/tests/bench/million-connections.json");
    nlohmann::json scenario = nlohmann::json::parse(in);
    scenario["load"]["duration"] = "1000s";
    const std::filesystem::path path = folder / "long-load.json";
    std::ofstream(path) << scenario.dump();
    return path.string();
}

TEST_F(Cli, LongLoad_CtrlC_PrintsTheSummarySoFarMarkedTruncated) {
    const std::string scenario = writeLongLoad(folder_);
    const std::string errPath = (folder_ / "stderr.txt").string();
    const int errorFd = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ASSERT_GE(errorFd, 0);
    const pid_t pid = spawnCli({scenario}, (folder_ / "stdout.txt").string(), errorFd);
    ::close(errorFd);
    ASSERT_GT(pid, 0);
    // Time to start and load the file; the run itself takes far longer.
    std::this_thread::sleep_for(std::chrono::seconds(1));
    ASSERT_EQ(::kill(pid, SIGINT), 0);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            FAIL() << "teardown-cli did not stop within 30 s of Ctrl+C";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 130);
    const std::string out = readFile(folder_ / "stdout.txt");
    const std::string err = readFile(errPath);
    EXPECT_NE(out.find("(stopped early: limit reached or cancelled)"), std::string::npos) << out;
    EXPECT_TRUE(err.starts_with("teardown-cli: interrupted at ")) << err;
    EXPECT_TRUE(err.ends_with(" of simulated time; the summary covers the run so far\n")) << err;
    EXPECT_EQ(err.find('\r'), std::string::npos) << "no progress bar when stderr is a file";
}

TEST_F(Cli, LoadOnATerminal_ShowsAProgressBarThenClearsIt) {
    int terminal = -1;
    int terminalSide = -1;
    ASSERT_EQ(::openpty(&terminal, &terminalSide, nullptr, nullptr, nullptr), 0);
    const pid_t pid = spawnCli({"--preset", "load/server-tw-buckets"},
                               (folder_ / "stdout.txt").string(), terminalSide);
    ::close(terminalSide);
    ASSERT_GT(pid, 0);
    std::string shown;
    char buffer[4096];
    // Read until the program has closed its side (EIO), so that it never blocks on a full pty.
    for (ssize_t read; (read = ::read(terminal, buffer, sizeof buffer)) > 0;) {
        shown.append(buffer, static_cast<std::size_t>(read));
    }
    ::close(terminal);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << shown;
    EXPECT_TRUE(shown.starts_with("\r[")) << shown;
    EXPECT_NE(shown.find("%  simulated "), std::string::npos) << shown;
    EXPECT_NE(shown.find("(Ctrl+C stops)"), std::string::npos) << shown;
    EXPECT_TRUE(shown.ends_with("\r\033[K")) << "the bar is cleared at the end: " << shown;
    EXPECT_NE(readFile(folder_ / "stdout.txt").find("TIME_WAIT"), std::string::npos);
}

// --packetdrill: a script that passes, one that fails, one the engine cannot play.
constexpr std::string_view kPacketdrillServerCloses = R"(// the application closes first
    0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
   +0 bind(3, ..., ...) = 0
   +0 listen(3, 1) = 0
   +0 < S 0:0(0) win 65535 <mss 1000>
   +0 > S. 0:0(0) ack 1 <...>
 +.01 < . 1:1(0) ack 1 win 65535
   +0 accept(3, ..., ...) = 4
   +0 close(4) = 0
   +0 > F. 1:1(0) ack 1
)";

TEST_F(Cli, Packetdrill_PassingScript_PrintsPassAndExitsZero) {
    const CliRun result =
        run({"--packetdrill", write("ok.pkt", std::string(kPacketdrillServerCloses))});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out, "pass\n");
    EXPECT_EQ(result.err, "");
}

TEST_F(Cli, Packetdrill_FailingScript_PrintsTheLineAndExitsOne) {
    std::string text(kPacketdrillServerCloses);
    text.replace(text.find("> F. 1:1(0) ack 1"), 17, "> R. 1:1(0) ack 1");
    const CliRun result = run({"--packetdrill", write("bad.pkt", text), "--trace", "run.jsonl"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.out, "line 10: expected R. 1:1(0) ack 1 at 0.010 s, got F. 1:1(0) ack 1 "
                          "at 0.010 s (flags differ)\n");
    EXPECT_NE(readFile(folder_ / "run.jsonl").find("\"segment_sent\""), std::string::npos);
}

TEST_F(Cli, Packetdrill_ScriptItCannotPlay_NamesFileAndLineAndExitsTwo) {
    const std::string path =
        write("poll.pkt", "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0 poll(3) = 0\n");
    const CliRun result = run({"--packetdrill", path});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_TRUE(result.err.starts_with("teardown-cli: " + path + ":2: expected '<', '>'"))
        << result.err;
}

TEST_F(Cli, Packetdrill_WithAScenarioToo_IsBadUsage) {
    const CliRun result = run({"--packetdrill", "x.pkt", "--preset", "four-way-close"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_EQ(result.err, "teardown-cli: --packetdrill: expected no scenario file or --preset "
                          "beside it, found one\n");
}

} // namespace
} // namespace tdl
