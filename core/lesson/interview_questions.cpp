#include "interview_questions.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace tdl {

namespace {

constexpr const char* kFormat = "teardown-lab-interview-questions";

struct Refusal {
    std::string message;
};

[[noreturn]] void refuse(const std::string& pointer, const std::string& expected,
                         const nlohmann::json* found) {
    throw Refusal{(pointer.empty() ? std::string("top level") : pointer) + ": expected " +
                  expected + ", found " +
                  (found == nullptr ? std::string("nothing") : found->dump())};
}

const nlohmann::json& member(const nlohmann::json& object, const std::string& pointer,
                             const char* key) {
    if (!object.contains(key)) {
        throw Refusal{pointer + ": expected the key \"" + key + "\", found an object without it"};
    }
    return object.at(key);
}

std::string text(const nlohmann::json& value, const std::string& pointer) {
    if (!value.is_string() || value.get<std::string>().empty()) {
        refuse(pointer, "a non-empty string", &value);
    }
    return value.get<std::string>();
}

LocalizedText bilingual(const nlohmann::json& value, const std::string& pointer) {
    if (!value.is_object()) {
        refuse(pointer, "an object with \"en\" and \"zh_CN\"", &value);
    }
    return {text(member(value, pointer, "en"), pointer + "/en"),
            text(member(value, pointer, "zh_CN"), pointer + "/zh_CN")};
}

std::vector<InterviewQuestion> read(const nlohmann::json& root) {
    if (!root.is_object() || !root.contains("format") || root.at("format") != kFormat) {
        refuse("/format", std::string("\"") + kFormat + '"',
               root.is_object() && root.contains("format") ? &root.at("format") : nullptr);
    }
    if (member(root, "", "version") != 1) {
        refuse("/version", "1", &root.at("version"));
    }
    const nlohmann::json& list = member(root, "", "questions");
    if (!list.is_array() || list.empty()) {
        refuse("/questions", "a non-empty array of questions", &list);
    }
    std::vector<InterviewQuestion> questions;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string pointer = "/questions/" + std::to_string(i);
        const nlohmann::json& entry = list[i];
        if (!entry.is_object()) {
            refuse(pointer, "an object", &entry);
        }
        InterviewQuestion q;
        q.id = text(member(entry, pointer, "id"), pointer + "/id");
        q.question = bilingual(member(entry, pointer, "question"), pointer + "/question");
        q.answer = bilingual(member(entry, pointer, "answer"), pointer + "/answer");
        q.preset = text(member(entry, pointer, "preset"), pointer + "/preset");
        const nlohmann::json& moment = member(entry, pointer, "moment");
        if (!moment.is_number_unsigned()) {
            refuse(pointer + "/moment", "the index of a key moment (0, 1, ...)", &moment);
        }
        q.moment = moment.get<std::size_t>();
        questions.push_back(std::move(q));
    }
    return questions;
}

} // namespace

InterviewQuestionsResult parseInterviewQuestions(const std::string& jsonText,
                                                 const std::string& fileName) {
    const nlohmann::json root = nlohmann::json::parse(jsonText, nullptr, false);
    if (root.is_discarded()) {
        return fileName + ": expected JSON, found text that does not parse";
    }
    try {
        return read(root);
    } catch (const Refusal& refusal) {
        return fileName + ": " + refusal.message;
    }
}

InterviewQuestionsResult loadInterviewQuestions(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return path + ": expected a readable file, found none";
    }
    std::stringstream text;
    text << in.rdbuf();
    return parseInterviewQuestions(text.str(), path);
}

} // namespace tdl
