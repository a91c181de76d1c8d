<!DOCTYPE html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> – <?cs /if ?><?cs var:Lang.Title ?></title>
<link rel="stylesheet" href="<?cs var:Page.Static ?>ddns.css">
<script src="<?cs var:Page.Static ?>ddns.js" defer></script>
</head>
<body>
<header class="top">
<h1><a href="?action=list"><?cs var:Lang.Title ?></a></h1>
<nav aria-label="<?cs var:Lang.Nav.label ?>"><a href="?action=list"><?cs var:Lang.Nav.hosts ?></a> <a href="?action=history"><?cs var:Lang.History ?></a><?cs if:Page.User ?> <span class="user"><?cs var:Page.User ?></span><?cs /if ?></nav>
</header>
<main>
