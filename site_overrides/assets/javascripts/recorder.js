/* recorder module: registered in window.curriculumModules (see curriculum.js). */
