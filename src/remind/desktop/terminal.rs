//! The terminal as the reminder's fallback when the desktop cannot show it.

use crate::output::{Out, clean_line};
use crate::remind::{Fallback, Reminder, Trouble};
use chrono::NaiveDateTime;

/// Reminders printed on the terminal, with a bell, through the program's
/// writer; text from data is cleaned of control characters first.
pub struct Terminal<'a> {
    out: &'a mut Out,
}

impl<'a> Terminal<'a> {
    pub fn new(out: &'a mut Out) -> Terminal<'a> {
        Terminal { out }
    }

    fn say(&mut self, line: &str) {
        let _ = self.out.line(&format!("backfix: {}", clean_line(line)));
        let _ = self.out.flush();
    }
}

impl Fallback for Terminal<'_> {
    fn left_desktop(&mut self, why: &Trouble) {
        self.say(&format!(
            "{why}; showing reminders here until the desktop can"
        ));
    }

    fn back_to_desktop(&mut self) {
        self.say("the notification server answers again; reminders go to the desktop");
    }

    fn show(&mut self, now: NaiveDateTime, r: &Reminder) {
        let _ = self.out.bell();
        let _ = self.out.line(&format!(
            "[{}] {}",
            now.format("%H:%M"),
            clean_line(&r.title)
        ));
        for line in r.body.lines() {
            let _ = self.out.line(&format!("    {}", clean_line(line)));
        }
        let _ = self.out.flush();
    }

    fn note(&mut self, line: &str) {
        self.say(line);
    }
}
