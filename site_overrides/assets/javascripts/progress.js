/* progress module: registered in window.curriculumModules (see curriculum.js). */
