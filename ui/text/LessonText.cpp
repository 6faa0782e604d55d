#include "LessonText.h"

#include "CauseCatalog.h"
#include "TraceText.h"

#include <QLocale>

namespace tdl::ui {

namespace {

bool noticeable(const Fact& fact) {
    switch (fact.kind) {
    case FactKind::SegmentSent:
    case FactKind::SegmentDropped:
    case FactKind::StateChanged:
    case FactKind::TimerFired:
    case FactKind::Anomaly:
        return true;
    case FactKind::AppCall:
        // A call that succeeds shows as the state change or segment it causes.
        return fact.error != 0;
    default:
        return false;
    }
}

} // namespace

QString LessonText::localized(const LocalizedText& text) {
    if (QLocale().language() == QLocale::Chinese && !text.zh_CN.empty()) {
        return QString::fromStdString(text.zh_CN);
    }
    return QString::fromStdString(text.en);
}

QString LessonText::factLine(const Trace& trace, std::size_t index) {
    const Fact& fact = trace.facts[index];
    return tr("%1  %2: %3 — %4")
        .arg(TraceText::duration(fact.at), TraceText::hostName(trace, fact.host),
             TraceText::what(trace, fact, SeqMode::Relative), CauseCatalog::sentence(fact.reason));
}

QString LessonText::caption(const Scenario& scenario, const Trace& trace, const LessonStop& stop) {
    if (stop.moment < scenario.moments.size()) {
        return localized(scenario.moments[stop.moment].caption);
    }
    return factLine(trace, stop.fact);
}

QStringList LessonText::narration(const Trace& trace, std::size_t begin, std::size_t end) {
    QStringList lines;
    for (std::size_t i = begin; i < end && i < trace.facts.size(); ++i) {
        if (noticeable(trace.facts[i])) {
            lines << factLine(trace, i);
        }
    }
    return lines;
}

QString LessonText::question(const Trace& trace, const Question& q) {
    switch (q.kind) {
    case QuestionKind::NextSegment:
        return tr("What does %1 send next?").arg(TraceText::hostName(trace, q.host));
    case QuestionKind::StateNow:
        return tr("What state is %1 (socket %2) in now?")
            .arg(TraceText::hostName(trace, q.host), TraceText::socketName(trace, q.socket));
    case QuestionKind::TimeWaitEnd:
        return tr("%1 (socket %2) has just entered TIME-WAIT. When does TIME-WAIT end?")
            .arg(TraceText::hostName(trace, q.host), TraceText::socketName(trace, q.socket));
    case QuestionKind::TimeWaitSide:
        return tr("Which side is left in TIME-WAIT once the close is over?");
    }
    return {};
}

QString LessonText::choice(const Trace& trace, const Question& q, std::size_t index) {
    const Choice& c = q.choices.at(index);
    switch (q.kind) {
    case QuestionKind::NextSegment:
        return TraceText::flagsText(c.flags);
    case QuestionKind::StateNow:
        return TraceText::stateName(c.state);
    case QuestionKind::TimeWaitEnd:
        return tr("%1 later, at %2 s")
            .arg(TraceText::duration(c.after), TraceText::timestamp(q.since + c.after));
    case QuestionKind::TimeWaitSide:
        switch (c.side) {
        case Side::First:
            return tr("%1 only").arg(TraceText::hostName(trace, q.sides[0]));
        case Side::Second:
            return tr("%1 only").arg(TraceText::hostName(trace, q.sides[1]));
        case Side::Both:
            return tr("both");
        case Side::Neither:
            return tr("neither");
        }
    }
    return {};
}

QString LessonText::explanation(const Trace& trace, const Question& q) {
    return tr("The answer is %1) %2. The trace shows it: %3")
        .arg(letter(q.answer), choice(trace, q, q.answer), factLine(trace, q.explanation));
}

QString LessonText::letter(std::size_t index) {
    return QString(QChar(u'a' + static_cast<char16_t>(index)));
}

QString LessonText::verdict(bool right, const Trace& trace, const Question& question) {
    const QString why = explanation(trace, question);
    return right ? tr("Right. %1").arg(why) : tr("Not quite. %1").arg(why);
}

QString LessonText::score(int right, int asked) {
    return tr("Score: %1 of %2").arg(right).arg(asked);
}

} // namespace tdl::ui
