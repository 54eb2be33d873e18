pub mod evidence;
pub mod identity;
pub mod partners;
