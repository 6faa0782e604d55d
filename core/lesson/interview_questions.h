#pragma once

// The classic interview questions about closing a connection, each with a model answer and the
// preset (and its key moment) that shows the answer. Read from a bilingual JSON resource.

#include "scenario.h"

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace tdl {

struct InterviewQuestion {
    std::string id;
    LocalizedText question;
    LocalizedText answer;
    std::string preset;     // the id of the preset that shows the answer
    std::size_t moment = 0; // the index of the key moment in it
};

// The questions, or one message naming the file, the JSON pointer, what was expected and found.
using InterviewQuestionsResult = std::variant<std::vector<InterviewQuestion>, std::string>;
InterviewQuestionsResult parseInterviewQuestions(const std::string& jsonText,
                                                 const std::string& fileName);
InterviewQuestionsResult loadInterviewQuestions(const std::string& path);

} // namespace tdl
