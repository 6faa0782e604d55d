#pragma once

#include <QString>

namespace tdl::ui {

// Where the program's data lives: share/teardown-lab beside the executable's bin/ folder. The
// build tree is laid out like an install (build/bin, build/share/teardown-lab), so one rule finds
// the presets and translations of an installed program, of a relocated install and of a build
// alike, and never reaches back into the source tree. Needs a QCoreApplication.
QString dataDirectory();
QString presetDirectory();        // dataDirectory()/scenarios
QString translationDirectory();   // dataDirectory()/translations
QString interviewQuestionsPath(); // dataDirectory()/lessons/interview-questions.json

} // namespace tdl::ui
