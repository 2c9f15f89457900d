// Styles are bundled by Taro's webpack build; TypeScript only needs to know the import exists.
declare module '*.css';
