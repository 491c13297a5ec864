//! Runs `planner lsp` for Markdown files: the `planner` found on the worktree's PATH.

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Planner;

impl zed::Extension for Planner {
    fn new() -> Self {
        Planner
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let path = worktree
            .which("planner")
            .ok_or_else(|| "planner is not on PATH: pip install niche-planner".to_string())?;
        Ok(zed::Command {
            command: path,
            args: vec!["lsp".to_string()],
            env: Default::default(),
        })
    }
}

zed::register_extension!(Planner);
