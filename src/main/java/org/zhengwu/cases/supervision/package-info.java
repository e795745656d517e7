/**
 * 电子监察 and the statutory clock's special procedures: warnings raised when a case nears (yellow) or passes (red)
 * its due date, resolved when the case leaves the clock or a supervisor records 督办; pauses for 听证, 检验检测 and
 * 专家评审 and the ten-working-day 延期 (行政许可法 §§42, 45), which move the due date; due dates computed again when the
 * working-day calendar changes; the supervisors' pages.
 */
package org.zhengwu.cases.supervision;
