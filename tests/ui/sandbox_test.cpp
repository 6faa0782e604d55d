#include "Document.h"
#include "LifelineCallMenu.h"
#include "Player.h"
#include "SandboxEdit.h"
#include "scenario_json.h"
#include "trace_query.h"

#include <QMenu>

#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

namespace tdl::ui {
namespace {

using namespace std::chrono_literals;
using Call = SandboxEdit::Call;

bool entered(const Trace& trace, const std::string& host, const std::string& socket,
             TcpState state) {
    const test::TraceQuery query(trace);
    return query.enteredAt(query.socket(host, socket), state) >= SimTime{};
}

bool anyRst(const Trace& trace) {
    return std::any_of(trace.segments.begin(), trace.segments.end(),
                       [](const SegmentRecord& r) { return r.segment.has(flag::kRst); });
}

// What Save writes, read back by the loader.
Scenario saveAndLoad(const Scenario& scenario) {
    const LoadResult loaded = parseScenario(serializeScenario(scenario), "sandbox.json");
    if (const auto* error = std::get_if<LoadError>(&loaded)) {
        ADD_FAILURE() << error->message();
        return {};
    }
    return std::get<Scenario>(loaded);
}

class SandboxTest : public testing::Test {
protected:
    void SetUp() override { ASSERT_FALSE(document_.open(SandboxEdit::blank(), QString())); }

    // Applies an edit as the lifeline menu does; fails the test if the edit is refused.
    void apply(const std::optional<WhatIf::Edit>& edit) {
        ASSERT_TRUE(edit.has_value());
        const auto error = document_.edit(edit->scenario, edit->description);
        ASSERT_FALSE(error.has_value()) << error->toStdString();
    }

    // The edit, and undo and redo of it, each leave the document with a scenario that the loader
    // reads back from its JSON as it is, and a run of it.
    void expectUndoableAndSaved(const Scenario& before) {
        const Scenario after = document_.scenario();
        EXPECT_EQ(saveAndLoad(after), after);
        document_.undoStack()->undo();
        EXPECT_EQ(document_.scenario(), before);
        EXPECT_EQ(saveAndLoad(document_.scenario()), before);
        document_.undoStack()->redo();
        EXPECT_EQ(document_.scenario(), after);
        ASSERT_TRUE(document_.run());
        EXPECT_EQ(document_.run()->trace().end, Document::simulate(after, nullptr)->trace().end);
    }

    Document document_;
};

TEST_F(SandboxTest, BlankIsTwoLinuxHostsAndAListenerThatLoads) {
    const Scenario& s = document_.scenario();
    ASSERT_EQ(s.hosts.size(), 2U);
    for (const HostConfig& host : s.hosts) {
        EXPECT_EQ(host.profile, KernelProfile::Linux6);
        EXPECT_EQ(host.sysctls, defaultSysctls(KernelProfile::Linux6));
    }
    ASSERT_EQ(s.actions.size(), 1U);
    EXPECT_EQ(s.actions[0].call, AppCallKind::Listen);
    EXPECT_EQ(s.actions[0].host, SandboxEdit::kServer);
    EXPECT_EQ(saveAndLoad(s), s);
    // Nothing to act on before a connection; only the client has a listener to connect to.
    EXPECT_TRUE(SandboxEdit::canAdd(s, SandboxEdit::kClient, Call::Connect));
    EXPECT_FALSE(SandboxEdit::canAdd(s, SandboxEdit::kServer, Call::Connect));
    EXPECT_FALSE(SandboxEdit::canAdd(s, SandboxEdit::kClient, Call::Close));
    EXPECT_FALSE(SandboxEdit::canAdd(s, SandboxEdit::kServer, Call::Close));
}

TEST_F(SandboxTest, EveryCallAddsMovesAndRemovesWithUndoAndLoadsBack) {
    Scenario before = document_.scenario();
    apply(SandboxEdit::add(before, SandboxEdit::kClient, 0ms, Call::Connect));
    expectUndoableAndSaved(before);
    ASSERT_EQ(document_.scenario().actions.size(), 2U);
    const Action& connect = document_.scenario().actions[1];
    EXPECT_EQ(connect.call, AppCallKind::Connect);
    EXPECT_EQ(connect.peer, SandboxEdit::kServer);
    EXPECT_EQ(connect.peerPort, SandboxEdit::kServerPort);

    for (const Call call : SandboxEdit::kCalls) {
        if (call == Call::Connect) {
            continue;
        }
        for (const char* host : {SandboxEdit::kClient, SandboxEdit::kServer}) {
            SCOPED_TRACE(testing::Message() << host << " " << static_cast<int>(call));
            before = document_.scenario();
            apply(SandboxEdit::add(before, host, 300ms, call, 2500));
            expectUndoableAndSaved(before);
            const std::size_t added = document_.scenario().actions.size() - 1;
            const Action& action = document_.scenario().actions[added];
            EXPECT_EQ(action.host, host);
            EXPECT_EQ(action.time, 300ms);
            EXPECT_EQ(action.socket, std::string(host) == SandboxEdit::kClient ? "c" : "s");
            if (call == Call::Send) {
                EXPECT_EQ(action.bytes, 2500U);
            }
            if (action.call == AppCallKind::Shutdown) {
                EXPECT_EQ(action.how, call == Call::ShutdownRead    ? 0
                                      : call == Call::ShutdownWrite ? 1
                                                                    : 2);
            }

            before = document_.scenario();
            apply(SandboxEdit::move(before, added, 450ms));
            expectUndoableAndSaved(before);
            EXPECT_EQ(document_.scenario().actions[added].time, 450ms);
            EXPECT_EQ(document_.scenario().actions[added].call, action.call);

            before = document_.scenario();
            apply(SandboxEdit::remove(before, added));
            expectUndoableAndSaved(before);
            EXPECT_EQ(document_.scenario().actions.size(), added);
        }
    }
}

TEST_F(SandboxTest, ServerShutdownWriteInsteadOfCloseStillReceivesTheClientsData) {
    // Built by clicking: the server ends its side first, then the client still sends.
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 0ms, Call::Connect));
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kServer, 100ms, Call::Close));
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 200ms, Call::Send, 500));
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 300ms, Call::Close));
    // close(): the data reaches a socket nobody reads any more, and Linux answers with a RST.
    EXPECT_TRUE(anyRst(document_.run()->trace()));

    // "What if the server calls shutdown(SHUT_WR) instead of close()?"
    const std::size_t serverClose = 2;
    ASSERT_EQ(document_.scenario().actions[serverClose].call, AppCallKind::Close);
    apply(SandboxEdit::remove(document_.scenario(), serverClose));
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kServer, 100ms, Call::ShutdownWrite));
    const Trace& halfClosed = document_.run()->trace();
    EXPECT_FALSE(anyRst(halfClosed));
    EXPECT_TRUE(entered(halfClosed, SandboxEdit::kServer, "s", TcpState::FinWait2));
    EXPECT_TRUE(entered(halfClosed, SandboxEdit::kServer, "s", TcpState::TimeWait))
        << "the client's FIN arrives after its data";
    EXPECT_EQ(saveAndLoad(document_.scenario()), document_.scenario());
}

TEST_F(SandboxTest, LingerZeroMakesCloseSendARst) {
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 0ms, Call::Connect));
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 90ms, Call::LingerZero));
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 100ms, Call::Close));
    const Trace& trace = document_.run()->trace();
    EXPECT_FALSE(entered(trace, SandboxEdit::kClient, "c", TcpState::TimeWait));
    EXPECT_TRUE(anyRst(trace));
}

TEST_F(SandboxTest, ASecondConnectionGetsNamesOnBothSides) {
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 0ms, Call::Connect));
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 50ms, Call::Connect));
    const Scenario& s = document_.scenario();
    EXPECT_EQ(s.actions.back().socket, "c2");
    EXPECT_EQ(s.actions[0].accept, (std::vector<std::string>{"s", "s2"}));
    EXPECT_EQ(SandboxEdit::socketFor(s, SandboxEdit::kServer, Call::Close), "s2");
    EXPECT_EQ(saveAndLoad(s), s);
}

TEST_F(SandboxTest, MovingATriggeredCallMakesItTimed) {
    apply(SandboxEdit::add(document_.scenario(), SandboxEdit::kClient, 0ms, Call::Connect));
    Scenario s = document_.scenario();
    Action onEof;
    onEof.trigger = Trigger::Eof;
    onEof.time = 5ms;
    onEof.host = SandboxEdit::kServer;
    onEof.socket = "s";
    s.actions.push_back(onEof);
    const auto moved = SandboxEdit::move(s, 2, 700ms);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->scenario.actions[2].trigger, Trigger::At);
    EXPECT_EQ(moved->scenario.actions[2].time, 700ms);
    EXPECT_FALSE(SandboxEdit::move(moved->scenario, 2, 700ms)) << "already there";
    EXPECT_FALSE(SandboxEdit::remove(s, 3));
    EXPECT_FALSE(SandboxEdit::add(s, "nobody", 0ms, Call::Close));
}

TEST_F(SandboxTest, LifelineMenuAddsACallAtTheClickedTimeOnTheUndoStack) {
    QWidget parent;
    Player player;
    QObject::connect(&document_, &Document::runChanged, &player, &Player::setRun);
    player.setRun(document_.run());
    player.toEnd();
    LifelineCallMenu calls(&document_, &player, &parent);
    QMenu menu;
    calls.addTo(&menu, 0, 12'345us);
    QAction* connect =
        menu.findChild<QAction*>(QStringLiteral("addCall%1").arg(static_cast<int>(Call::Connect)));
    QAction* close =
        menu.findChild<QAction*>(QStringLiteral("addCall%1").arg(static_cast<int>(Call::Close)));
    ASSERT_NE(connect, nullptr);
    ASSERT_NE(close, nullptr);
    EXPECT_TRUE(connect->isEnabled());
    EXPECT_FALSE(close->isEnabled()) << "no connection yet";
    connect->trigger();
    ASSERT_EQ(document_.scenario().actions.size(), 2U);
    EXPECT_EQ(document_.scenario().actions[1].time, 12ms) << "rounded to whole milliseconds";
    EXPECT_EQ(document_.undoStack()->count(), 1);
    EXPECT_EQ(player.time(), document_.run()->trace().end) << "the whole result in view";
    EXPECT_TRUE(document_.scenario().watch.en.empty()) << "the hint has done its job";

    QMenu again;
    calls.addTo(&again, 0, 40ms);
    auto* hostCalls = again.findChild<QMenu*>(QStringLiteral("hostCalls"));
    ASSERT_NE(hostCalls, nullptr);
    QAction* moveHere = hostCalls->findChild<QAction*>(QStringLiteral("moveHere"));
    ASSERT_NE(moveHere, nullptr);
    moveHere->trigger();
    EXPECT_EQ(document_.scenario().actions[1].time, 40ms);
    document_.undoStack()->undo();
    EXPECT_EQ(document_.scenario().actions[1].time, 12ms);
}

} // namespace
} // namespace tdl::ui
