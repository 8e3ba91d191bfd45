/**
 * The query of a route that takes no parameters: with the global whitelist, any parameter sent is
 * refused (400) instead of silently ignored, so every input of the API goes through a DTO.
 */
export class NoQueryDto {}
