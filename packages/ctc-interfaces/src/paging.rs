//! Page limits shared by every paginated query of the platform.

use thiserror::Error;

pub const DEFAULT_PAGE_LIMIT: u32 = 10;
pub const MAX_PAGE_LIMIT: u32 = 50;

#[derive(Error, Debug, PartialEq, Eq)]
#[error("page limit {requested} is above the maximum of {max}")]
pub struct PageLimitError {
    pub requested: u32,
    pub max: u32,
}

/// The number of items a page holds: the default when none is asked, an error above the maximum.
pub fn page_limit(limit: Option<u32>) -> Result<usize, PageLimitError> {
    match limit {
        None => Ok(DEFAULT_PAGE_LIMIT as usize),
        Some(requested) if requested > MAX_PAGE_LIMIT => Err(PageLimitError {
            requested,
            max: MAX_PAGE_LIMIT,
        }),
        Some(requested) => Ok(requested as usize),
    }
}

/// For standard queries (cw721) whose specification clamps an oversized limit rather than
/// refusing it: the default when none is asked, at most the maximum.
pub fn clamped_page_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_PAGE_LIMIT).min(MAX_PAGE_LIMIT) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_accepts_up_to_the_maximum_and_refuses_more() {
        assert_eq!(page_limit(None), Ok(10));
        assert_eq!(page_limit(Some(50)), Ok(50));
        assert_eq!(
            page_limit(Some(51)),
            Err(PageLimitError {
                requested: 51,
                max: 50
            })
        );
        assert_eq!(clamped_page_limit(Some(1_000)), 50);
        assert_eq!(clamped_page_limit(None), 10);
    }
}
