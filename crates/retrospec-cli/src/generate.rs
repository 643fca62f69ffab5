//! `retrospec completions SHELL` and `retrospec man`: generated from the clap
//! definition of the command line, so they never fall out of step with it.

use std::io::{self, Write};

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, mut cmd: clap::Command, out: &mut impl Write) {
    let name = cmd.get_name().to_string();
    clap_complete::generate(shell, &mut cmd, name, out);
}

/// The manual page, in roff.
pub fn man(cmd: clap::Command, out: &mut impl Write) -> io::Result<()> {
    clap_mangen::Man::new(cmd).render(out)
}
