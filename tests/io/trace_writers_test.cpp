#include "handmade_trace.h"
#include "pcap_reader.h"
#include "pcap_writer.h"
#include "text_diagram.h"
#include "trace_jsonl.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pcap/pcap.h>

#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace tdl {
namespace {

using nlohmann::json;
using test::handmadeFaultyClose;
using test::handmadeFourWayClose;
using test::handmadeLostDoubledAndLateClose;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

std::string jsonl(const Trace& trace) {
    std::ostringstream out;
    writeTraceJsonl(trace, out);
    return out.str();
}

class TempFolder : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() /
                  ("tdl-io-writers-" + std::to_string(::getpid()) + '-' +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override { std::filesystem::remove_all(folder_); }
    std::string file(const std::string& name) const { return (folder_ / name).string(); }
    std::filesystem::path folder_;
};

// ---------------------------------------------------------------------------------------------
// JSON lines

TEST(TraceJsonl, HeaderNamesHostsAndSockets) {
    const Trace trace = handmadeFourWayClose();
    const std::vector<std::string> text = lines(jsonl(trace));
    ASSERT_EQ(text.size(), trace.facts.size() + 1);
    EXPECT_EQ(text[0],
              R"({"format":"teardown-lab-trace","version":1,"end_us":60270000,"truncated":false,)"
              R"("hosts":[{"id":0,"name":"client","address":"10.0.0.1"},)"
              R"({"id":1,"name":"server","address":"10.0.0.2"}],)"
              R"("sockets":[{"id":1,"host":"client","name":"c","role":"active",)"
              R"("local":"10.0.0.1:40000","remote":"10.0.0.2:80","isn":1000,"peer_isn":5000},)"
              R"({"id":2,"host":"server","name":"listener","role":"listener",)"
              R"("local":"10.0.0.2:80","remote":"0.0.0.0:0","isn":0,"peer_isn":0},)"
              R"({"id":3,"host":"server","name":"s","role":"passive",)"
              R"("local":"10.0.0.2:80","remote":"10.0.0.1:40000","isn":5000,"peer_isn":1000}],)"
              R"("segments":9,"facts":)" +
                  std::to_string(trace.facts.size()) + "}");
}

TEST(TraceJsonl, OneLinePerFact_InTraceOrder_WithItsKind) {
    const Trace trace = handmadeFaultyClose();
    const std::vector<std::string> text = lines(jsonl(trace));
    ASSERT_EQ(text.size(), trace.facts.size() + 1);
    for (std::size_t i = 0; i < trace.facts.size(); ++i) {
        const json line = json::parse(text[i + 1]);
        EXPECT_EQ(line.at("t_us"), trace.facts[i].at.count()) << i;
        EXPECT_EQ(line.at("kind"), factKindKey(trace.facts[i].kind)) << i;
        EXPECT_EQ(line.at("cause"), causeKey(trace.facts[i].reason.code)) << i;
        EXPECT_EQ(line.at("args").size(), 3U);
    }
}

TEST(TraceJsonl, EachKindCarriesItsFields_InAFixedOrder) {
    const std::vector<std::string> text = lines(jsonl(handmadeFourWayClose()));
    const auto find = [&](const std::string& needle) {
        for (const std::string& line : text) {
            if (line.find(needle) != std::string::npos) {
                return line;
            }
        }
        return std::string("(no line with " + needle + ")");
    };
    EXPECT_EQ(find(R"("to_state":"fin_wait_1")"),
              R"({"t_us":200000,"kind":"state_changed","host":"client","socket":1,)"
              R"("cause":"app_close","args":[0,0,0],"from_state":"established",)"
              R"("to_state":"fin_wait_1"})");
    EXPECT_EQ(find(R"("cause":"fin_on_close","args":[0,0,0],"segment":5)"),
              R"({"t_us":200000,"kind":"segment_sent","host":"client","socket":1,)"
              R"("cause":"fin_on_close","args":[0,0,0],"segment":5,"from":"client",)"
              R"("to":"server","src":"10.0.0.1:40000","dst":"10.0.0.2:80","flags":"FIN,ACK",)"
              R"("seq":1101,"ack":5001,"len":0,"win":64240,"tsval":207,"tsecr":101,"sender":1,)"
              R"("stream_offset":100,"sent_us":200000,"delivered_us":210000})");
    EXPECT_EQ(find(R"("kind":"timer_armed")"),
              R"({"t_us":270000,"kind":"timer_armed","host":"client","socket":1,)"
              R"("cause":"rcv_fin","args":[0,0,0],"timer":"time_wait","deadline_us":60270000})");
    EXPECT_EQ(find(R"("kind":"app_call","host":"client","socket":1,"cause":"app_send")"),
              R"({"t_us":21000,"kind":"app_call","host":"client","socket":1,"cause":"app_send",)"
              R"("args":[100,0,0],"call":"send","error":0,"errno":null})");
    EXPECT_NE(find(R"("flags":"SYN","seq":1000,"ack":0,"len":0,"win":64240,"tsval":7,"tsecr":0,)"
                   R"("mss":1460)"),
              "");
}

TEST(TraceJsonl, DuplicateCopy_NamesItsOriginal) {
    const std::vector<std::string> text = lines(jsonl(handmadeFaultyClose()));
    bool found = false;
    for (const std::string& line : text) {
        const json parsed = json::parse(line);
        if (parsed.value("kind", "") == "segment_duplicated") {
            found = true;
            EXPECT_EQ(parsed.at("duplicate_of"), parsed.at("segment").get<int>() - 1);
            EXPECT_EQ(parsed.at("cause"), "fault_duplicate");
            EXPECT_EQ(parsed.at("args")[0], 3);
        }
    }
    EXPECT_TRUE(found);
}

// ---------------------------------------------------------------------------------------------
// pcap

TEST_F(TempFolder, Pcap_FourWayClose_ReadsBackWithRealHeaders) {
    const Trace trace = handmadeFourWayClose();
    const std::string path = file("close.pcap");
    ASSERT_EQ(writePcap(trace, path), std::nullopt);
    const test::Capture capture = test::readCapture(path);
    ASSERT_EQ(capture.error, "");
    EXPECT_EQ(capture.linkType, DLT_RAW);
    ASSERT_EQ(capture.packets.size(), trace.segments.size());
    std::map<std::uint32_t, std::vector<std::uint16_t>> ipIds;
    for (std::size_t i = 0; i < trace.segments.size(); ++i) {
        const Segment& s = trace.segments[i].segment;
        const test::CapturedPacket& p = capture.packets[i];
        SCOPED_TRACE("packet " + std::to_string(i));
        EXPECT_EQ(p.timeUs, trace.segments[i].sentAt.count());
        EXPECT_TRUE(p.ipChecksumOk);
        EXPECT_TRUE(p.tcpChecksumOk);
        EXPECT_EQ(p.ttl, 64);
        EXPECT_TRUE(p.dontFragment);
        EXPECT_EQ(p.sourceAddress, s.src.address);
        EXPECT_EQ(p.destinationAddress, s.dst.address);
        EXPECT_EQ(p.sourcePort, s.src.port);
        EXPECT_EQ(p.destinationPort, s.dst.port);
        EXPECT_EQ(p.seq, s.seq.value());
        EXPECT_EQ(p.ack, s.ack.value());
        EXPECT_EQ(p.flags, s.flags);
        EXPECT_EQ(p.window, s.window);
        EXPECT_EQ(p.payloadBytes, s.length);
        EXPECT_EQ(p.tsval, s.timestamp.value);
        EXPECT_EQ(p.tsecr, s.timestamp.echo);
        EXPECT_EQ(p.mss.has_value(), s.has(flag::kSyn));
        ipIds[p.sourceAddress].push_back(static_cast<std::uint16_t>(p.bytes[4] << 8 | p.bytes[5]));
    }
    EXPECT_EQ(capture.packets[0].mss, 1460);
    // IP IDs count up per sender.
    for (const auto& [address, ids] : ipIds) {
        for (std::size_t i = 1; i < ids.size(); ++i) {
            EXPECT_EQ(ids[i], ids[i - 1] + 1);
        }
    }
}

TEST_F(TempFolder, Pcap_DroppedAndDuplicatedSegments_AreOnTheWire) {
    const Trace trace = handmadeFaultyClose();
    const std::string path = file("faulty.pcap");
    ASSERT_EQ(writePcap(trace, path), std::nullopt);
    const test::Capture capture = test::readCapture(path);
    ASSERT_EQ(capture.error, "");
    // Every segment record, the dropped FIN and the duplicate's copy included.
    ASSERT_EQ(capture.packets.size(), trace.segments.size());
    std::size_t fins = 0;
    for (const test::CapturedPacket& p : capture.packets) {
        fins += (p.flags & flag::kFin) != 0 ? 1 : 0;
        EXPECT_TRUE(p.tcpChecksumOk);
    }
    EXPECT_EQ(fins, 2U);
}

// A packet as a capture point saw it: "410000 server ACK seq=1", with the time in microseconds
// and seq relative to the handmade ISNs (client 1000, server 5000).
std::vector<std::string> sightings(const test::Capture& capture) {
    std::vector<std::string> out;
    for (const test::CapturedPacket& p : capture.packets) {
        const bool fromClient = p.sourceAddress == 0x0A000001;
        std::string flags;
        for (const auto& [bit, name] :
             {std::pair{flag::kFin, "FIN"}, std::pair{flag::kSyn, "SYN"},
              std::pair{flag::kPsh, "PSH"}, std::pair{flag::kAck, "ACK"}}) {
            if ((p.flags & bit) != 0) {
                flags += flags.empty() ? name : std::string(",") + name;
            }
        }
        out.push_back(std::to_string(p.timeUs) + (fromClient ? " client " : " server ") + flags +
                      " seq=" + std::to_string(p.seq - (fromClient ? 1000 : 5000)));
    }
    return out;
}

std::uint16_t ipId(const test::CapturedPacket& packet) {
    return static_cast<std::uint16_t>(packet.bytes[4] << 8 | packet.bytes[5]);
}

TEST_F(TempFolder, PcapOnTheWire_HasTheDroppedSegmentAndTheCopy_AtTheirSendTimes) {
    const std::string path = file("wire.pcap");
    ASSERT_EQ(writePcap(handmadeLostDoubledAndLateClose(), path), std::nullopt);
    const test::Capture capture = test::readCapture(path);
    ASSERT_EQ(capture.error, "");
    const std::vector<std::string> expected = {
        "0 client SYN seq=0",
        "10000 server SYN,ACK seq=0",
        "20000 client ACK seq=1",
        "21000 client PSH,ACK seq=1",
        "31000 server ACK seq=1",
        "200000 client FIN,ACK seq=101",
        "400000 client FIN,ACK seq=101",
        "410000 server ACK seq=1",
        "410000 server ACK seq=1",
        "460000 server FIN,ACK seq=1",
        "570000 client ACK seq=102",
    };
    EXPECT_EQ(sightings(capture), expected);
}

TEST_F(TempFolder, PcapSeenAtClient_LateFinArrivesLate_CopyArrivesTwice_LostFinStillSent) {
    const std::string path = file("client.pcap");
    ASSERT_EQ(writePcap(handmadeLostDoubledAndLateClose(), path, "client"), std::nullopt);
    const test::Capture capture = test::readCapture(path);
    ASSERT_EQ(capture.error, "");
    // Arrivals come before what the client sent in answer at the same instant.
    const std::vector<std::string> expected = {
        "0 client SYN seq=0",
        "20000 server SYN,ACK seq=0",
        "20000 client ACK seq=1",
        "21000 client PSH,ACK seq=1",
        "41000 server ACK seq=1",
        "200000 client FIN,ACK seq=101",
        "400000 client FIN,ACK seq=101",
        "420000 server ACK seq=1",
        "420000 server ACK seq=1",
        "570000 server FIN,ACK seq=1",
        "570000 client ACK seq=102",
    };
    ASSERT_EQ(sightings(capture), expected);
    EXPECT_EQ(ipId(capture.packets[7]), ipId(capture.packets[8]))
        << "a network duplicate is a copy of the packet, IP ID included";
    for (const test::CapturedPacket& p : capture.packets) {
        EXPECT_TRUE(p.ipChecksumOk);
        EXPECT_TRUE(p.tcpChecksumOk);
    }
}

TEST_F(TempFolder, PcapSeenAtServer_LostFinIsMissing_CopyIsNotSent) {
    const std::string path = file("server.pcap");
    ASSERT_EQ(writePcap(handmadeLostDoubledAndLateClose(), path, "server"), std::nullopt);
    const test::Capture capture = test::readCapture(path);
    ASSERT_EQ(capture.error, "");
    const std::vector<std::string> expected = {
        "10000 client SYN seq=0",    "10000 server SYN,ACK seq=0",
        "30000 client ACK seq=1",    "31000 client PSH,ACK seq=1",
        "31000 server ACK seq=1",    "410000 client FIN,ACK seq=101",
        "410000 server ACK seq=1",   "460000 server FIN,ACK seq=1",
        "580000 client ACK seq=102",
    };
    EXPECT_EQ(sightings(capture), expected);
}

TEST_F(TempFolder, PcapSeenAtBothEnds_SamePacketCarriesTheSameIpId) {
    const Trace trace = handmadeLostDoubledAndLateClose();
    ASSERT_EQ(writePcap(trace, file("client.pcap"), "client"), std::nullopt);
    ASSERT_EQ(writePcap(trace, file("server.pcap"), "server"), std::nullopt);
    const test::Capture client = test::readCapture(file("client.pcap"));
    const test::Capture server = test::readCapture(file("server.pcap"));
    ASSERT_EQ(client.packets.size(), 11U);
    ASSERT_EQ(server.packets.size(), 9U);
    // The retransmitted FIN: the client's seventh packet, the server's sixth.
    EXPECT_EQ(ipId(client.packets[6]), ipId(server.packets[5]));
    // The server's FIN, late at the client.
    EXPECT_EQ(ipId(client.packets[9]), ipId(server.packets[7]));
    // The lost FIN used an ID of its own before the retransmission.
    EXPECT_EQ(ipId(client.packets[6]), ipId(client.packets[5]) + 1);
}

TEST_F(TempFolder, PcapSeenAtUnknownHost_NamesItAndTheKnownHosts_WritesNothing) {
    const std::string path = file("router.pcap");
    const std::optional<std::string> error =
        writePcap(handmadeLostDoubledAndLateClose(), path, "router");
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(*error,
              path +
                  ": expected a host of the run to capture at (client, server), found \"router\"");
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(TempFolder, Pcap_IntoMissingFolder_FailsAndLeavesNothing) {
    const std::string path = file("missing/close.pcap");
    const std::optional<std::string> error = writePcap(handmadeFourWayClose(), path);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->rfind(path + ": cannot create a file in ", 0), 0U) << *error;
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(TempFolder, Pcap_Tshark_ReadsTheSameFlagsSeqAndAck) {
    const Trace trace = handmadeFourWayClose();
    const std::string path = file("close.pcap");
    ASSERT_EQ(writePcap(trace, path), std::nullopt);
    const auto rows = test::tsharkFields(path, {"tcp.flags.str", "tcp.seq_raw", "tcp.ack_raw",
                                                "tcp.checksum.status", "ip.checksum.status",
                                                "tcp.options.timestamp.tsval"});
    if (!rows) {
        GTEST_SKIP() << "tshark is not installed, so the capture was not checked by it";
    }
    ASSERT_EQ(rows->size(), trace.segments.size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const Segment& s = trace.segments[i].segment;
        std::vector<std::string> fields;
        std::istringstream row((*rows)[i]);
        for (std::string field; std::getline(row, field, '\t');) {
            fields.push_back(field);
        }
        ASSERT_EQ(fields.size(), 6U) << (*rows)[i];
        EXPECT_EQ(test::flagsFromTsharkString(fields[0]), formatFlags(s.flags)) << fields[0];
        EXPECT_EQ(fields[1], std::to_string(s.seq.value()));
        EXPECT_EQ(fields[2], std::to_string(s.ack.value()));
        EXPECT_EQ(fields[3], "1") << "tcp.checksum.status: 1 is good, 0 bad, 2 unverified";
        EXPECT_EQ(fields[4], "1") << "ip.checksum.status: 1 is good, 0 bad, 2 unverified";
        EXPECT_EQ(fields[5], std::to_string(s.timestamp.value));
    }
}

// ---------------------------------------------------------------------------------------------
// Text diagram

TEST(TextDiagram, FourWayClose_DrawsEverySegmentAndStateChange) {
    EXPECT_EQ(renderTextDiagram(handmadeFourWayClose()),
              R"(time (s)   client 10.0.0.1                            server 10.0.0.2
           │                                                        │
 0.000     │                                     listener: listen() │
 0.000     │                              listener: CLOSED → LISTEN │
 0.000     │ c: connect()                                           │
 0.000     │ c: CLOSED → SYN-SENT                                   │
 0.000     ├────────────────── [SYN] seq=0 len=0 ──────────────────▶│  syn
 0.010     │                               s: CLOSED → SYN-RECEIVED │
 0.010     │◀───────────── [SYN,ACK] seq=0 ack=1 len=0 ─────────────┤  rcv_syn
 0.020     │ c: SYN-SENT → ESTABLISHED                              │
 0.020     ├─────────────── [ACK] seq=1 ack=1 len=0 ───────────────▶│  rcv_syn_ack
 0.021     │ c: send()                                              │
 0.021     ├──────────── [PSH,ACK] seq=1 ack=1 len=100 ────────────▶│  data 100
 0.030     │                          s: SYN-RECEIVED → ESTABLISHED │
 0.031     │◀────────────── [ACK] seq=1 ack=101 len=0 ──────────────┤  ack_quick
 0.200     │ c: close()                                             │
 0.200     │ c: ESTABLISHED → FIN-WAIT-1                            │
 0.200     ├──────────── [FIN,ACK] seq=101 ack=1 len=0 ────────────▶│  fin_on_close
 0.210     │                            s: ESTABLISHED → CLOSE-WAIT │
 0.210     │◀────────────── [ACK] seq=1 ack=102 len=0 ──────────────┤  rcv_fin
 0.220     │ c: FIN-WAIT-1 → FIN-WAIT-2                             │
 0.260     │                                             s: close() │
 0.260     │                               s: CLOSE-WAIT → LAST-ACK │
 0.260     │◀──────────── [FIN,ACK] seq=1 ack=102 len=0 ────────────┤  fin_on_close
 0.270     │ c: FIN-WAIT-2 → TIME-WAIT                              │
 0.270     │ c: time_wait timer armed: fires at 60.270 s (in 60 s)  │
 0.270     ├────────────── [ACK] seq=102 ack=2 len=0 ──────────────▶│  rcv_fin
 0.280     │                                   s: LAST-ACK → CLOSED │
           │                     ⋮ 60 s later ⋮                     │
60.270     │ c: time_wait timer fired                               │
60.270     │ c: TIME-WAIT → CLOSED                                  │
           │                                                        │
60.270     end of run
)");
}

TEST(TextDiagram, Ascii_UsesSevenBitCharactersOnly) {
    TextDiagramOptions options;
    options.asciiOnly = true;
    const std::string text = renderTextDiagram(handmadeFaultyClose(), options);
    for (const char c : text) {
        ASSERT_LT(static_cast<unsigned char>(c), 0x80) << text;
    }
    EXPECT_NE(text.find("|-------- [FIN,ACK] seq=101 ack=1 len=0 -------->|  retransmit 1"),
              std::string::npos)
        << text;
    EXPECT_NE(
        text.find("|---- [FIN,ACK] seq=101 ack=1 len=0 ----X        |  fin_on_close, X dropped"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("X dropped (fault rule 1)"), std::string::npos) << text;
}

TEST(TextDiagram, Absolute_ShowsTheNumbersAsSent) {
    TextDiagramOptions options;
    options.absoluteSequenceNumbers = true;
    const std::string text = renderTextDiagram(handmadeFourWayClose(), options);
    EXPECT_NE(text.find("[FIN,ACK] seq=1101 ack=5001 len=0"), std::string::npos) << text;
    EXPECT_EQ(text.find("[FIN,ACK] seq=101 ack=1 len=0"), std::string::npos) << text;
}

TEST(TextDiagram, Faults_MarkDroppedDelayedAndDuplicatedSegments) {
    const std::string text = renderTextDiagram(handmadeFaultyClose());
    EXPECT_NE(text.find("✕ dropped (fault rule 1)"), std::string::npos) << text;
    EXPECT_NE(text.find("delayed +100 ms (fault rule 2)"), std::string::npos) << text;
    EXPECT_NE(text.find("duplicate (fault rule 3)"), std::string::npos) << text;
    EXPECT_NE(text.find("‼ s: stale_data_accepted 1 100"), std::string::npos) << text;
    EXPECT_NE(text.find("c: retransmit timer fired"), std::string::npos) << text;
    EXPECT_NE(text.find("retransmit 1"), std::string::npos) << text;
}

TEST(TextDiagram, IdleGap_IsCompressedUnlessShorterThanTheThreshold) {
    const std::string text = renderTextDiagram(handmadeFourWayClose());
    EXPECT_NE(text.find("⋮ 60 s later ⋮"), std::string::npos) << text;
    TextDiagramOptions options;
    options.idleGap = 2min;
    EXPECT_EQ(renderTextDiagram(handmadeFourWayClose(), options).find("later"), std::string::npos);
}

TEST(TextDiagram, ThreeHosts_DrawsTheTwoThatExchangedSegments) {
    Trace trace = handmadeFourWayClose();
    trace.hosts.push_back({"observer", 0x0A000003});
    const std::string text = renderTextDiagram(trace);
    EXPECT_TRUE(text.starts_with("time (s)   client 10.0.0.1")) << text;
    EXPECT_EQ(text.find("observer"), std::string::npos) << text;
}

TEST(TextDiagram, EmptyTrace_SaysSo) {
    EXPECT_EQ(renderTextDiagram(Trace{}), "(the trace has no hosts)\n");
}

} // namespace
} // namespace tdl
